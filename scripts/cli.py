"""The command line: one click group, one subcommand per job."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from scripts.common.paths import ROOT, Layout
from scripts.common.problems import BuildError, ProblemList, format_json, format_text


@click.group(help="Build, validate and document the conflict-news data package.")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=ROOT,
    show_default=True,
    help="Repository root to work on.",
)
@click.pass_context
def main(ctx, root):
    ctx.obj = Layout(root)


@main.command(
    help="Read seeds/ (articles, codings, registry) and write datapackage/*.csv, datapackage.json (its "
    "sources, each table's hash, bytes and rows) and the README codebook. Nothing is written unless every "
    "coding is valid and "
    "every table passes its rules; the files are replaced all together or not at all."
)
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON.")
@click.pass_obj
def build(layout, as_json):
    from scripts.build.pipeline import WriteFailed, build_package

    def finished(path):
        click.echo(f"finished an interrupted replacement: {layout.rel(path)}", err=True)

    try:
        run = build_package(layout, finished)
    except BuildError as exc:
        _print_problems(exc.problems, as_json)
        click.echo(
            "Build failed while writing; nothing was changed."
            if isinstance(exc, WriteFailed)
            else "Build failed; nothing was written.",
            err=True,
        )
        sys.exit(1)
    for path in run.changed:
        click.echo(f"wrote {layout.rel(path)}")
    click.echo(f"Build complete: {run.files} files, {len(run.changed)} changed.", err=True)


def _print_problems(problems, as_json: bool, err: bool = False) -> None:
    click.echo(format_json(problems) if as_json else format_text(problems), err=err)


@main.command(
    help="Check the package: datapackage.json, every table in datapackage/ against its schema in "
    "schemas/ (pandera, plus row rules such as evidence == article slice), that the tables equal a "
    "fresh build of seeds/, and the descriptor with frictionless. Reads only; prints every problem "
    "and which engine checked what; exits 1 if any."
)
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON for bots.")
@click.option("--no-frictionless", is_flag=True, help="Skip the frictionless pass (faster while editing).")
@click.option(
    "--frictionless-rows",
    is_flag=True,
    help="Let frictionless read every row too, as `frictionless validate` does (slow on a large package; "
    "everything it finds there the project's checks find as well).",
)
@click.option(
    "--no-rebuild",
    is_flag=True,
    help="Skip the comparison with a fresh build of seeds/ (for a package built elsewhere).",
)
@click.pass_obj
def validate(layout, as_json, no_frictionless, frictionless_rows, no_rebuild):
    from scripts.validate.package import ENGINES, validate_package

    problems = validate_package(
        layout, run_frictionless=not no_frictionless, frictionless_rows=frictionless_rows, rebuild=not no_rebuild
    )
    engines = {k: v for k, v in ENGINES.items() if k != "frictionless" or not no_frictionless}
    _print_problems(problems, as_json)
    if not as_json:
        click.echo("Checked by: " + "; ".join(f"{name}: {what}" for name, what in engines.items()), err=True)
    sys.exit(1 if problems else 0)


def _web_address(ctx, param, value):
    if value is not None and not re.fullmatch(r"https?://\S+", value):
        raise click.BadParameter("give the page's address, starting with http:// or https://, without spaces")
    return value


@main.command(
    help="Add a news article to seeds/: check that FILE is UTF-8 without a byte-order mark, copy it byte for "
    "byte as seeds/NNN_<first 16 hex digits of its sha256>.txt (NNN: the next number), and write a "
    "starter coding beside it, whose `article:` block holds where the article comes from (the options "
    "below; what is not given is asked for there). Never overwrites; refuses an article already in "
    "seeds/."
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date shown by the outlet (YYYY-MM-DD), for an article whose text does not start "
    "with one: written as the first line 'date YYYY-MM-DD', the only addition ever made to a text.",
)
@click.option("--title", help="The headline, as the outlet published it.")
@click.option("--url", callback=_web_address, help="The page the text was copied from (http:// or https://).")
@click.option(
    "--outlet",
    help="The outlet that published it: an actor id or alias of seeds/registry/actors.yaml "
    "(a media_outlet; add it there if it is new).",
)
@click.option(
    "--retrieved",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day the text was copied from the page (YYYY-MM-DD).",
)
@click.pass_obj
def add(layout, file, published, title, url, outlet, retrieved):
    from scripts.build.contribute import ContributionError, add_article, outlet_note

    provenance = {
        "title": title,
        "url": url,
        "outlet": outlet,
        "retrieved": retrieved.date().isoformat() if retrieved else None,
    }
    try:
        added = add_article(layout, file, published.date() if published else None, provenance)
    except ContributionError as exc:
        value = f" (value: {exc.value})" if exc.value is not None else ""
        click.echo(f"{file}: [{exc.rule}] {exc.message}{value}", err=True)
        click.echo("Nothing was added.", err=True)
        sys.exit(1)
    click.echo(f"added {layout.rel(added.article)}")
    click.echo(f"added {layout.rel(added.coding)}")
    note = outlet_note(layout, outlet) if outlet is not None else None
    if note:
        click.echo(note, err=True)
    dated = (
        f"its publication date {added.header_date} comes from its date header"
        if added.header_date
        else "it has no 'date YYYY-MM-DD' first line: give its publication date in the coding if you know it"
    )
    missing = [key for key, value in provenance.items() if value is None]
    asked = f"; fill in its {', '.join(missing)} in the coding's `article:` block" if missing else ""
    click.echo(
        f"Next: `python -m scripts draft {layout.rel(added.article)}` drafts the coding "
        f"{layout.rel(added.coding)} ({dated}{asked}); review every row against the article (CONTRIBUTING.md, "
        "'Drafting a coding'), add its new actors and events to seeds/registry/, then run `make package` and "
        "`make test`."
    )


@main.command(
    help="Compare two versions of the package and print what changed: each schema change with the semver "
    "level it needs (major: a field or table removed or renamed, a type changed; minor: a field, "
    "table or enum value added; patch: rows added, removed or corrected), the smallest level covering "
    "them all, and for each table the keys of the rows added, removed and changed (matched by primary "
    "key, compared as cell text) with the columns that changed. OLD and NEW are each a release archive "
    "(.zip), a folder holding datapackage.json, or a git ref of the repository (tag or commit); NEW "
    "defaults to the working tree. Reads only; exits 0 whether or not anything changed, 1 when a "
    "version cannot be read."
)
@click.argument("old")
@click.argument("new", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the same facts as JSON for bots (every key listed).")
@click.option(
    "--limit",
    default=10,
    show_default=True,
    type=click.IntRange(min=0),
    help="List at most this many keys of each kind (added, removed, changed) per table.",
)
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


@main.command(
    help="Cut a release on a clean tree: refuse uncommitted changes, any validation problem, or a level lower "
    "than the changes since the last vX.Y.Z tag require; then set the version in datapackage.json and "
    "CITATION.cff, turn CHANGELOG.md's [Unreleased] notes and a data diff into the release's entry, "
    "rebuild, commit, tag vX.Y.Z and write dist/<name>-<version>.zip and its .sha256."
)
@click.option(
    "--level",
    type=click.Choice(["patch", "minor", "major"]),
    help="Release level; default: the one the changes require. A lower one is refused.",
)
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), help="Release date (default: today).")
@click.option("--since", help="Compare with this git ref instead of the latest vX.Y.Z tag.")
@click.pass_obj
def release(layout, level, day, since):
    from scripts.release.archive import ReleaseError
    from scripts.release.archive import release as cut
    from scripts.release.sources import SourceError

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


@main.command(
    help="Write dist/<name>-<version>.zip and its .sha256 for a commit or tag (default HEAD), from the files "
    "as committed there: the same commit always gives the same bytes."
)
@click.argument("ref", default="HEAD")
@click.option("--dist", type=click.Path(file_okay=False, path_type=Path), help="Folder to write to (default: dist/).")
@click.pass_obj
def archive(layout, ref, dist):
    from scripts.release.archive import write_archive
    from scripts.release.sources import SourceError

    try:
        written, checksum = write_archive(layout.root, ref, dist or layout.root / "dist")
    except SourceError as exc:
        click.echo(f"Cannot write the archive: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {written}")
    click.echo(f"wrote {checksum}")


@main.group(
    help="Measurements on synthetic input (scripts/bench/): how long the build, validation and the draft take "
    "and how much memory, measured here and never by timed tests."
)
def bench():
    pass


@bench.command(
    "validation",
    help="Measure validation on synthetic packages of the given numbers of claims: the "
    "project's validation (without the comparison with a fresh build), the raw pyarrow "
    "parse of the same files and `frictionless validate`, each in its own process "
    "(seconds and peak memory); then plant one error of each kind in a copy of the "
    "smallest package and show what each engine reports.",
)
@click.option(
    "--claims",
    "sizes",
    type=int,
    multiple=True,
    default=(10_000,),
    show_default=True,
    help="Number of claims of a package; repeat for several sizes.",
)
@click.option("--claims-per-article", type=int, default=10, show_default=True)
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("/tmp/conflict-news-benchmark"),
    show_default=True,
    help="Where the synthetic packages are generated (kept, so reruns skip generation).",
)
@click.option(
    "--repeat",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Runs of the parse and of the validation per size; their medians are compared.",
)
@click.option("--no-frictionless", is_flag=True, help="Skip frictionless (about ten minutes per million claims).")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
def bench_validation(sizes, claims_per_article, workdir, repeat, no_frictionless, as_json):
    from scripts.bench import validation

    report = validation.run(
        sizes,
        claims_per_article,
        workdir,
        repeat,
        not no_frictionless,
        progress=lambda claims: click.echo(f"{claims:,} claims measured", err=True),
    )
    if as_json:
        click.echo(
            json.dumps(
                {"sizes": report.sizes, "planted": report.planted, "unseen_by_project": report.unseen_by_project},
                indent=2,
            )
        )
    else:
        click.echo(validation.markdown(report.sizes))
        click.echo()
        click.echo(validation.planted_markdown(report.planted, report.unseen_by_project))
    sys.exit(0 if report.complete else 1)


@bench.command(
    "measure",
    hidden=True,
    help="One measurement of `bench validation`, in its own process: print its "
    "seconds, peak memory and findings as one JSON line.",
)
@click.argument("kind", type=click.Choice(["parse", "validate", "frictionless"]))
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def bench_measure(kind, folder):
    from scripts.bench.validation import measured

    click.echo(json.dumps(measured(kind, folder)))


@bench.command(
    "build",
    help="Time the build on synthetic corpora of each size given (numbers of articles), each in "
    "its own process (seconds and peak memory; the corpus's generation is timed apart).",
)
@click.argument("sizes", nargs=-1, type=click.IntRange(min=1), required=True)
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--claims-per-article", default=10, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the corpora under this folder (one subfolder per size) and keep them.",
)
def bench_build(sizes, seed, claims_per_article, keep):
    from scripts.bench.build import benchmark_build

    for size in sizes:
        r = benchmark_build(
            size, seed=seed, claims_per_article=claims_per_article, root=keep / str(size) if keep else None
        )
        click.echo(
            f"{r.articles} articles ({r.claims} claims): build {r.seconds:.1f} s, peak {r.peak_mib:.0f} MiB, "
            f"exit {r.exit_code} (generated in {r.generate_seconds:.1f} s)"
        )


@bench.command(
    "large",
    help="Build and validate one very large contribution (a multi-megabyte article with thousands "
    "of claims) in a temporary repository, each in its own process.",
)
@click.option("--megabytes", type=click.FloatRange(min=0.01), default=5.0, show_default=True)
@click.option("--claims", type=click.IntRange(min=1), default=5000, show_default=True)
def bench_large(megabytes, claims):
    from scripts.bench.large import run

    r = run(megabytes, claims)
    click.echo("| article and coding MB | claims | build s (exit) | validate s (exit) |")
    click.echo("|---:|---:|---:|---:|")
    click.echo(
        f"| {r.megabytes:.1f} | {r.claims:,} | {r.build[0]:.1f} ({r.build[1]}) | "
        f"{r.validate[0]:.1f} ({r.validate[1]}) |"
    )
    for name, (_, code, output) in (("build", r.build), ("validate", r.validate)):
        if code != 0:
            click.echo(f"\n{name} failed:\n{output}", err=True)
    sys.exit(1 if r.build[1] or r.validate[1] else 0)


@bench.command(
    "long-sentences",
    help="Time `draft` on single sentences of REPEATS and twice REPEATS repetitions of constructions it reads "
    "back from; a growth near 2 is linear, near 4 quadratic.",
)
@click.argument("repeats", type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True)
def bench_long_sentences(repeats, as_json):
    from dataclasses import asdict

    from scripts.bench.long_sentences import benchmark_long_sentences

    timings = benchmark_long_sentences(repeats)
    if as_json:
        click.echo(json.dumps([asdict(t) | {"growth": t.growth} for t in timings], indent=2))
        return
    for t in timings:
        click.echo(
            f"{t.shape:<18} {t.characters:>9,} characters: {t.doubled_seconds:6.2f} s "
            f"({t.seconds:.2f} s at half the length, growth x{t.growth:.1f})"
        )


@bench.command(
    "draft",
    help="Time `draft` per article on synthetic wire-style articles and compare the drafts with "
    "their generated codings.",
)
@click.argument("articles", type=click.IntRange(min=1))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), help="Write the corpus here and keep it.")
@click.option("--json", "as_json", is_flag=True)
def bench_draft(articles, seed, keep, as_json):
    from dataclasses import asdict

    from scripts.bench.draft import benchmark_drafts
    from scripts.draft.evaluate import pct

    r = benchmark_drafts(articles, seed=seed, root=keep)
    if as_json:
        click.echo(json.dumps(asdict(r), indent=2))
        return
    click.echo(
        f"{r.articles} articles: {r.mean_seconds * 1000:.1f} ms per article on average (median "
        f"{r.median_seconds * 1000:.1f} ms, slowest {r.max_seconds * 1000:.1f} ms); the registry's "
        f"{r.registry_actors} actors compiled once in {r.index_seconds * 1000:.1f} ms"
    )
    click.echo(
        f"against the generated codings: quotes with the right speaker {pct(r.quotes_recall)}, casualty "
        f"figures with the right value, qualifier, type and status {pct(r.figures_recall)}, precision of all "
        f"drafted rows {pct(r.precision)}"
    )


@bench.command(
    "synthetic",
    help="Write a synthetic corpus (articles, codings, registry) to ROOT for benchmarks; with "
    "--tables also the package tables, as the build would write them.",
)
@click.option("--root", "folder", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--articles", default=1000, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--claims-per-article", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--tables", is_flag=True, help="Also write datapackage/*.csv and datapackage.json directly.")
def bench_synthetic(folder, articles, seed, claims_per_article, tables):
    from scripts.bench.synthetic import generate

    summary = generate(folder, articles, seed=seed, claims_per_article=claims_per_article, tables=tables)
    click.echo(
        f"{summary.articles} articles, {summary.claims} claims, {summary.statements} statements, "
        f"{summary.mentions} mentions, {summary.event_reports} event reports, {summary.actors} actors, "
        f"{summary.events} events"
        + (f", {summary.disagreements} disagreements" if tables else "")
        + f"; {summary.seed_bytes / 2**20:.1f} MiB of seeds in {summary.seconds:.1f} s"
    )


@main.command(
    help="Draft a coding for ARTICLE (an article file named as `add` names it, with or without a `date "
    "YYYY-MM-DD` header) and write it beside the article as the coding the build reads (or to --out). "
    "Every row is marked `draft: true`; new actors and events it proposes are appended to "
    "seeds/registry/actors.yaml and events.yaml, marked the same way (with --out outside seeds/, they are "
    "written beside that file instead, and the repository is left as it was). The build refuses the coding "
    "until each marked row is reviewed and its marker deleted. Never replaces a coding someone has "
    "started (the starter `add` writes is fine) unless --force."
)
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) of an article without a date header, to resolve 'on Monday'.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the coding (default: the article's path with .yaml).",
)
@click.option("--force", is_flag=True, help="Replace an existing coding.")
@click.pass_obj
def draft(layout, article, published, out, force):
    from scripts.draft.run import DraftRefused, draft_file

    try:
        drafted, written = draft_file(layout, article, published.date() if published else None, out, force)
    except DraftRefused as exc:
        if exc.problems:
            click.echo(format_text(exc.problems), err=True)
        click.echo(f"{article}: {exc}", err=True)
        click.echo("Nothing was written.", err=True)
        sys.exit(1)
    click.echo(
        f"wrote {layout.rel(written.coding)}: {len(drafted.mentions)} mentions, {len(drafted.events)} event "
        f"reports, {len(drafted.statements)} statements, {len(drafted.claims)} claims, each marked draft: true"
    )
    for name, ids in (("actor", written.actors), ("event", written.events)):
        for proposed in ids:
            click.echo(f"proposed {name} {proposed} in {layout.rel(written.proposals[name])} (draft: true)")
    if drafted.published is None:
        click.echo(
            "The article has no date: weekday dates stay empty (give --published, or the date in the coding).", err=True
        )
    click.echo(
        "Next: review every row against the article, correct or delete it, add what is missing, and delete "
        "its 'draft: true'; answer every `TODO:` the draft left (or delete its line where the article does not "
        "say); CONTRIBUTING.md, 'Drafting a coding', says how. `make package` lists what is left.",
        err=True,
    )


@main.command(
    name="score-sets",
    help="Measure the draft on sets of real articles coded by hand and kept outside the repository: each FOLDER "
    "holds NN.txt (an article as published) and NN.json (its coding). Prints, per set and in all, quotes with the "
    "right speaker, casualty figures with the right value, qualifier, type and status, those dated right, the "
    "precision of the quotes and figures drafted, and the figures dated where the coder did not. README.md, "
    "'Drafting codings automatically', gives the format.",
)
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--lenient-status", is_flag=True, help="Take civilian and unknown as one status.")
@click.option("--verbose", is_flag=True, help="Also list every miss and every wrong drafted row.")
@click.pass_obj
def score_sets(layout, folders, lenient_status, verbose):
    from scripts.build.registry import load_registry
    from scripts.draft.hand_sets import Counts, HandSetError, read_set, render, score_article

    problems = ProblemList()
    registry = load_registry(layout, problems)
    if problems:
        click.echo(format_text(problems), err=True)
        sys.exit(1)
    total = Counts()
    for folder in folders:
        try:
            articles = read_set(folder)
        except HandSetError as exc:
            click.echo(f"Cannot score: {exc}", err=True)
            sys.exit(1)
        counts = Counts()
        for path, gold in articles:
            scored = score_article(path, gold, registry, lenient_status)
            if verbose:
                click.echo("\n".join([f"{path}:", *(f"  {note}" for note in scored.notes)]))
            counts.add(scored)
        click.echo(render(str(folder), counts))
        total.add(counts)
    if len(folders) > 1:
        click.echo(render("all", total))


@main.command(
    help="Measure drafts against curated codings: with no arguments, draft every article of seeds/ in "
    "memory (nothing is written) and compare it with its curated coding; with ARTICLE and CODING, that "
    "pair (with --draft, compare that draft coding file instead of drafting anew). Prints precision and "
    "recall per table and per field, and the targets: quotes with the right speaker, casualty figures "
    "with the right value, qualifier, type and status, those dated with the right date or period, and the "
    "precision of the quotes and figures drafted."
)
@click.argument("article", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("coding", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--draft",
    "draft_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A draft coding written earlier by `draft`, to compare instead of drafting ARTICLE anew.",
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for an article without a header (default: the curated coding's).",
)
@click.option(
    "--held-out",
    is_flag=True,
    help="Draft each seed against the registry without what only that seed brought to it (its own actors, "
    "events and aliases), as for an article never seen.",
)
@click.option("--check", is_flag=True, help="Exit 1 when a target is not met.")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@click.pass_obj
def evaluate(layout, article, coding, draft_file, published, held_out, check, as_json):
    from scripts.draft.evaluate import EvaluationRefused, evaluate_request, render_text

    try:
        score = evaluate_request(layout, article, coding, draft_file, published.date() if published else None, held_out)
    except EvaluationRefused as exc:
        if exc.problems:
            click.echo(format_text(exc.problems), err=True)
        click.echo(f"Cannot evaluate: {exc}", err=True)
        sys.exit(1)
    click.echo(
        json.dumps(score.as_dict(), indent=2, ensure_ascii=False, default=str) if as_json else render_text(score)
    )
    sys.exit(1 if check and not all(met for *_, met in score.targets()) else 0)
