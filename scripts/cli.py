"""The command line: one click group, one subcommand per job."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from scripts.build.pipeline import checked_outputs, write_outputs
from scripts.common.csvio import finish_replacement
from scripts.common.paths import ROOT, Layout
from scripts.common.problems import BuildError, ProblemList, format_json, format_text
from scripts.common.safety import linked_files


@click.group(help="Build, validate and document the conflict-news data package.")
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=ROOT,
              show_default=True, help="Repository root to work on.")
@click.pass_context
def main(ctx, root):
    ctx.obj = Layout(root)


@main.command(help="Read seeds/ (articles, codings, registry) and write datapackage/*.csv, datapackage.json (its "
                   "sources, each table's hash, bytes and rows) and the README codebook. Nothing is written unless every coding is valid and "
                   "every table passes its rules; the files are replaced all together or not at all.")
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON.")
@click.pass_obj
def build(layout, as_json):
    links = ProblemList()
    if linked_files(layout, links):  # before anything is read, removed or replaced
        click.echo(format_json(links) if as_json else format_text(links))
        click.echo("Build failed; nothing was written.", err=True)
        sys.exit(1)
    for path in finish_replacement(layout.root, layout.written_folders, layout.written):
        click.echo(f"finished an interrupted replacement: {layout.rel(path)}", err=True)
    try:
        outputs = checked_outputs(layout)
    except BuildError as exc:
        click.echo(format_json(exc.problems) if as_json else format_text(exc.problems))
        click.echo("Build failed; nothing was written.", err=True)
        sys.exit(1)
    try:
        changed = write_outputs(outputs, layout)
    except OSError as exc:
        failed = ProblemList()
        failed.add(layout.rel(Path(exc.filename)) if exc.filename else ".", "write-failed",
                   f"the build could not write the package ({exc.strerror or exc}); every file keeps its previous "
                   "content: free the space or fix the permissions, then build again")
        click.echo(format_json(failed) if as_json else format_text(failed))
        click.echo("Build failed while writing; nothing was changed.", err=True)
        sys.exit(1)
    for path in changed:
        click.echo(f"wrote {layout.rel(path)}")
    click.echo(f"Build complete: {len(outputs)} files, {len(changed)} changed.", err=True)


@main.command(help="Check the package: datapackage.json, every table in datapackage/ against its schema in "
                   "schemas/ (pandera, plus row rules such as evidence == article slice), that the tables equal a "
                   "fresh build of seeds/, and the descriptor with frictionless. Reads only; prints every problem "
                   "and which engine checked what; exits 1 if any.")
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON for bots.")
@click.option("--no-frictionless", is_flag=True, help="Skip the frictionless pass (faster while editing).")
@click.option("--frictionless-rows", is_flag=True,
              help="Let frictionless read every row too, as `frictionless validate` does (slow on a large package; "
                   "everything it finds there the project's checks find as well).")
@click.option("--no-rebuild", is_flag=True,
              help="Skip the comparison with a fresh build of seeds/ (for a package built elsewhere).")
@click.pass_obj
def validate(layout, as_json, no_frictionless, frictionless_rows, no_rebuild):
    from scripts.validate.package import ENGINES, validate_package

    problems = validate_package(layout, run_frictionless=not no_frictionless, frictionless_rows=frictionless_rows,
                                rebuild=not no_rebuild)
    engines = {k: v for k, v in ENGINES.items() if k != "frictionless" or not no_frictionless}
    if as_json:
        click.echo(format_json(problems))
    else:
        click.echo(format_text(problems))
        click.echo("Checked by: " + "; ".join(f"{name}: {what}" for name, what in engines.items()), err=True)
    sys.exit(1 if problems else 0)


def _web_address(ctx, param, value):
    if value is not None and not re.fullmatch(r"https?://\S+", value):
        raise click.BadParameter("give the page's address, starting with http:// or https://, without spaces")
    return value


@main.command(help="Add a news article to seeds/: check that FILE is UTF-8 without a byte-order mark, copy it byte for "
                   "byte as seeds/NNN_<first 16 hex digits of its sha256>.txt (NNN: the next number), and write a "
                   "starter coding beside it, whose `article:` block holds where the article comes from (the options "
                   "below; what is not given is asked for there). Never overwrites; refuses an article already in "
                   "seeds/.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", "published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date shown by the outlet (YYYY-MM-DD), for an article whose text does not start "
                   "with one: written as the first line 'date YYYY-MM-DD', the only addition ever made to a text.")
@click.option("--title", help="The headline, as the outlet published it.")
@click.option("--url", callback=_web_address, help="The page the text was copied from (http:// or https://).")
@click.option("--outlet", help="The outlet that published it: an actor id or alias of seeds/registry/actors.yaml "
                               "(a media_outlet; add it there if it is new).")
@click.option("--retrieved", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The day the text was copied from the page (YYYY-MM-DD).")
@click.pass_obj
def add(layout, file, published, title, url, outlet, retrieved):
    from scripts.build.contribute import ContributionError, add_article

    provenance = {"title": title, "url": url, "outlet": outlet,
                  "retrieved": retrieved.date().isoformat() if retrieved else None}
    try:
        added = add_article(layout, file, published.date() if published else None, provenance)
    except ContributionError as exc:
        value = f" (value: {exc.value})" if exc.value is not None else ""
        click.echo(f"{file}: [{exc.rule}] {exc.message}{value}", err=True)
        click.echo("Nothing was added.", err=True)
        sys.exit(1)
    click.echo(f"added {layout.rel(added.article)}")
    click.echo(f"added {layout.rel(added.coding)}")
    if outlet is not None:
        _check_outlet(layout, outlet)
    dated = (f"its publication date {added.header_date} comes from its date header" if added.header_date else
             "it has no 'date YYYY-MM-DD' first line: give its publication date in the coding if you know it")
    missing = [key for key, value in provenance.items() if value is None]
    asked = f"; fill in its {', '.join(missing)} in the coding's `article:` block" if missing else ""
    click.echo(f"Next: `python -m scripts draft {layout.rel(added.article)}` drafts the coding "
               f"{layout.rel(added.coding)} ({dated}{asked}); review every row against the article (CONTRIBUTING.md, "
               "'Drafting a coding'), add its new actors and events to seeds/registry/, then run `make package` and "
               "`make test`.")


def _check_outlet(layout: Layout, outlet: str) -> None:
    """Say at once when the outlet is not yet a media outlet of the registry (the build would refuse it later)."""
    from scripts.common.problems import ProblemList
    from scripts.build.registry import ReferenceProblem, load_registry

    registry = load_registry(layout, ProblemList())
    try:
        kind = registry.actor_types[registry.actor(outlet)]
    except ReferenceProblem:
        click.echo(f"Note: the outlet '{outlet}' is not in seeds/registry/actors.yaml yet; add it there (type: "
                   "media_outlet) before you build (CONTRIBUTING.md, 'New actors and events').", err=True)
        return
    if kind != "media_outlet":
        click.echo(f"Note: '{outlet}' is a {kind} in seeds/registry/actors.yaml, not a media_outlet; give the "
                   "outlet's own actor in the coding's article block.", err=True)


@main.command(help="Compare two versions of the package and print what changed: each schema change with the semver "
                   "level it needs (major: a field or table removed or renamed, a type changed; minor: a field, "
                   "table or enum value added; patch: rows added, removed or corrected), the smallest level covering "
                   "them all, and for each table the keys of the rows added, removed and changed (matched by primary "
                   "key, compared as cell text) with the columns that changed. OLD and NEW are each a release archive "
                   "(.zip), a folder holding datapackage.json, or a git ref of the repository (tag or commit); NEW "
                   "defaults to the working tree. Reads only; exits 0 whether or not anything changed, 1 when a "
                   "version cannot be read.")
@click.argument("old")
@click.argument("new", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the same facts as JSON for bots (every key listed).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=0),
              help="List at most this many keys of each kind (added, removed, changed) per table.")
@click.pass_obj
def diff(layout, old, new, as_json, limit):
    from scripts.release.diff import compare, render_json, render_text
    from scripts.release.sources import SourceError, open_source

    try:
        comparison = compare(open_source(old, layout.root), open_source(new or str(layout.root), layout.root))
    except SourceError as exc:
        click.echo(f"Cannot compare: {exc}", err=True)
        sys.exit(1)
    click.echo(render_json(comparison) if as_json else render_text(comparison, limit))


@main.command(help="Cut a release on a clean tree: refuse uncommitted changes, any validation problem, or a level lower "
                   "than the changes since the last vX.Y.Z tag require; then set the version in datapackage.json and "
                   "CITATION.cff, turn CHANGELOG.md's [Unreleased] notes and a data diff into the release's entry, "
                   "rebuild, commit, tag vX.Y.Z and write dist/<name>-<version>.zip and its .sha256.")
@click.option("--level", type=click.Choice(["patch", "minor", "major"]),
              help="Release level; default: the one the changes require. A lower one is refused.")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), help="Release date (default: today).")
@click.option("--since", help="Compare with this git ref instead of the latest vX.Y.Z tag.")
@click.pass_obj
def release(layout, level, day, since):
    from scripts.release.sources import SourceError
    from scripts.release.archive import ReleaseError, release as cut

    try:
        released = cut(layout, level=level, day=day.date() if day else None, since=since)
    except (ReleaseError, SourceError) as exc:
        click.echo(f"Release refused: {exc}", err=True)
        sys.exit(1)
    after = f" (after {released.previous})" if released.previous else " (the first release)"
    click.echo(f"released {released.version}: {released.level}{after}; tagged v{released.version}")
    click.echo(f"wrote {layout.rel(released.archive)}")
    click.echo(f"wrote {layout.rel(released.checksum)}")
    click.echo("Next: git push --follow-tags, and attach the archive and its .sha256 to the release.", err=True)


@main.command(help="Write dist/<name>-<version>.zip and its .sha256 for a commit or tag (default HEAD), from the files "
                   "as committed there: the same commit always gives the same bytes.")
@click.argument("ref", default="HEAD")
@click.option("--dist", type=click.Path(file_okay=False, path_type=Path), help="Folder to write to (default: dist/).")
@click.pass_obj
def archive(layout, ref, dist):
    from scripts.release.sources import SourceError
    from scripts.release.archive import write_archive

    try:
        written, checksum = write_archive(layout.root, ref, dist or layout.root / "dist")
    except SourceError as exc:
        click.echo(f"Cannot write the archive: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {written}")
    click.echo(f"wrote {checksum}")


@main.command(help="Measure validation on synthetic packages of the given numbers of claims: the project's validation "
                   "(without the comparison with a fresh build), the raw pyarrow parse of the same files and "
                   "`frictionless validate`, each in its own process (seconds and peak memory); then plant one error "
                   "of each kind in a copy of the smallest package and show what each engine reports.")
@click.option("--claims", "sizes", type=int, multiple=True, default=(10_000,), show_default=True,
              help="Number of claims of a package; repeat for several sizes.")
@click.option("--claims-per-article", type=int, default=10, show_default=True)
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=Path("/tmp/conflict-news-benchmark"),
              show_default=True, help="Where the synthetic packages are generated (kept, so reruns skip generation).")
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True,
              help="Runs of the parse and of the validation per size; their medians are compared.")
@click.option("--no-frictionless", is_flag=True, help="Skip frictionless (about ten minutes per million claims).")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
def benchmark(sizes, claims_per_article, workdir, repeat, no_frictionless, as_json):
    from scripts.bench import validation as bench

    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for claims in sizes:
        root = bench.package_for(workdir, claims, claims_per_article)
        results.append(bench.size_row(root, with_frictionless=not no_frictionless, repeat=repeat))
        click.echo(f"{claims:,} claims measured", err=True)
    smallest = bench.package_for(workdir, min(sizes), claims_per_article)
    broken = workdir / f"claims-{min(sizes)}-planted"
    planted = bench.plant_errors(smallest, broken)
    found = bench.measure("validate", broken)
    seen_by_frictionless = bench.measure("frictionless", broken)
    comparison = bench.compare_findings(planted, found, seen_by_frictionless)
    unseen = bench.unseen_by_project(found, seen_by_frictionless)
    if as_json:
        click.echo(json.dumps({"sizes": results, "planted": comparison, "unseen_by_project": unseen}, indent=2))
    else:
        click.echo(bench.markdown(results))
        click.echo()
        click.echo(bench.planted_markdown(comparison, unseen))
    missed = [c for c in comparison if not c["project"]]
    sys.exit(1 if missed or unseen else 0)


@main.command(help="Draft a coding for ARTICLE (an article file named as `add` names it, with or without a `date "
                   "YYYY-MM-DD` header) and write it beside the article as the coding the build reads (or to --out). "
                   "Every row is marked `draft: true`; new actors and events it proposes are appended to "
                   "seeds/registry/actors.yaml and events.yaml, marked the same way. The build refuses the coding "
                   "until each marked row is reviewed and its marker deleted. Never replaces a coding someone has "
                   "started (the starter `add` writes is fine) unless --force.")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date (YYYY-MM-DD) of an article without a date header, to resolve 'on Monday'.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the coding (default: the article's path with .yaml).")
@click.option("--force", is_flag=True, help="Replace an existing coding.")
@click.pass_obj
def draft(layout, article, published, out, force):
    from scripts.reading.articles import ArticleError, check_article_name, read_article
    from scripts.draft.article import draft_article
    from scripts.draft.writer import DraftRefused, write_draft
    from scripts.common.problems import ProblemList
    from scripts.build.registry import load_registry

    def refuse(message):
        click.echo(f"{article}: {message}", err=True)
        click.echo("Nothing was written.", err=True)
        sys.exit(1)

    try:
        check_article_name(article)
        text = read_article(article)
    except ArticleError as exc:
        refuse(f"[{exc.rule}] {exc.message}" + (f" (value: {exc.value})" if exc.value is not None else ""))
    if text.header_date is not None and published is not None:
        refuse(f"the article has a date header ({text.header_date}); leave out --published")
    problems = ProblemList()
    registry = load_registry(layout, problems)
    if registry.unreadable:
        click.echo(format_text(problems), err=True)
        refuse("the registry cannot be read; fix it first")
    drafted = draft_article(text, registry, published.date() if published else None)
    try:
        written = write_draft(layout, drafted, registry, out or article.with_suffix(".yaml"), force)
    except DraftRefused as exc:
        refuse(str(exc))
    click.echo(f"wrote {layout.rel(written.coding)}: {len(drafted.mentions)} mentions, {len(drafted.events)} event "
               f"reports, {len(drafted.statements)} statements, {len(drafted.claims)} claims, each marked draft: true")
    for name, ids in (("actor", written.actors), ("event", written.events)):
        for proposed in ids:
            click.echo(f"proposed {name} {proposed} in seeds/registry/{name}s.yaml (draft: true)")
    if drafted.published is None:
        click.echo("The article has no date: weekday dates stay empty (give --published, or the date in the coding).",
                   err=True)
    click.echo("Next: review every row against the article, correct or delete it, add what is missing, and delete "
               "its 'draft: true'; answer every `TODO:` the draft left (or delete its line where the article does not "
               "say); CONTRIBUTING.md, 'Drafting a coding', says how. `make package` lists what is left.", err=True)


@main.command(help="Measure drafts against curated codings: with no arguments, draft every article of seeds/ in "
                   "memory (nothing is written) and compare it with its curated coding; with ARTICLE and CODING, that "
                   "pair (with --draft, compare that draft coding file instead of drafting anew). Prints precision and "
                   "recall per table and per field, and the targets: quotes with the right speaker, casualty figures "
                   "with the right value, type and date, precision of all drafted rows.")
@click.argument("article", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("coding", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--draft", "draft_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A draft coding written earlier by `draft`, to compare instead of drafting ARTICLE anew.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date for an article without a header (default: the curated coding's).")
@click.option("--held-out", is_flag=True,
              help="Draft each seed against the registry without what only that seed brought to it (its own actors, "
                   "events and aliases), as for an article never seen.")
@click.option("--check", is_flag=True, help="Exit 1 when a target is not met.")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@click.pass_obj
def evaluate(layout, article, coding, draft_file, published, held_out, check, as_json):
    from scripts.draft import evaluate as ev
    from scripts.reading.articles import ArticleError, read_article
    from scripts.build.inputs import load_input
    from scripts.common.problems import ProblemList
    from scripts.build.registry import load_registry

    def refuse(message):
        click.echo(f"Cannot evaluate: {message}", err=True)
        sys.exit(1)

    if (article is None) != (coding is None) or (draft_file and article is None) or (held_out and article):
        refuse("give both ARTICLE and CODING (with --draft, a draft of ARTICLE), or nothing to evaluate every seed "
               "(--held-out works on the seeds only)")
    try:
        if article is None:
            score = ev.evaluate_seeds(layout, held_out=held_out)
        else:
            problems = ProblemList()
            registry = load_registry(layout, problems)
            curated = load_input(layout, coding, "article", problems)
            if registry.unreadable or curated is None:
                raise BuildError(problems)
            text = read_article(article)
            day = published.date() if published else None
            if draft_file:
                score = ev.evaluate_file(layout, text, draft_file, curated, registry, layout.rel(coding))
            else:
                score = ev.evaluate_article(text, curated, registry, layout.rel(coding), published=day)
    except ArticleError as exc:
        refuse(f"{article}: [{exc.rule}] {exc.message}")
    except BuildError as exc:
        click.echo(format_text(exc.problems), err=True)
        refuse("the coding, the draft or the registry has problems (above)")
    click.echo(json.dumps(score.as_dict(), indent=2, ensure_ascii=False, default=str) if as_json
               else ev.render_text(score))
    sys.exit(1 if check and not all(met for *_, met in score.targets()) else 0)
