"""Who an article names. Known actors are found through the registry's names and aliases (as written, as
possessives, with "The" at the start of a sentence, and the adjectives of states: "Armenian" for Armenia); new
people and organisations are proposed from the text ("Olesya Vartanyan, senior analyst ... at Crisis Group": a
person with a title and an organisation); a pronoun or a bare surname points to the person last named.

A name that only resembles a known actor ("Hayk Vartanyan" beside the registry's "Vartanyan") is proposed as a
new actor with a note naming the look-alike, never folded into it: only a person can say they are the same."""

from __future__ import annotations

import re
from dataclasses import replace

from scripts.draft.actor_index import ActorIndex, Mention
from scripts.draft.names import (
    CAPITALISED,
    POSSESSIVE,
    PREPOSITION,
    PRONOUNS,
    REGION_WORDS,
    coordinated,
    person_context,
)
from scripts.draft.organisations import Organisations
from scripts.draft.proposals import ProposedActor, free_id, slug
from scripts.draft.references import PERSON_BY_TITLE
from scripts.draft.text import ArticleText, fold, strip_span
from scripts.draft.words import (
    BODY_ROLES,
    DOCUMENTS,
    SPEAKING_FOR,
    STANDING,
    TITLE_WORDS,
)

# A document that speaks for whoever issued it: "a statement from X", "the ministry's latest report by X".
ISSUED_DOCUMENT = re.compile(rf"(?:an?|the|its|their)\s+(?:[\w-]+\s+){{0,2}}{DOCUMENTS}")


SENIORITY = r"(?:senior|top|high-ranking|high-level|leading)"
# Who speaks for a body or person named with a possessive: "the ministry's press service", "Aliyev's spokesman".
SPOKESPERSON_OF = re.compile(
    r"(?P<owner>.+?)(?:’s|'s)\s+(?:press\s+(?:service|office|secretary)|spokes(?:man|woman|person))"
)


def _role(words: str) -> str:
    """What a body's name says it is, as BODY_ROLES words it: "defence ministry" for "’s Ministry of Defence"."""
    role = POSSESSIVE.sub("", words.strip()).strip().lower()
    role = re.sub(r"^(?:’s|'s|the)\s+", "", role)
    return re.sub(r"^(ministry|office|service|department)\s+of\s+(?:the\s+)?(.+)$", r"\2 \1", role)


def _spelled(role: str) -> str:
    """A role as the registry spells it, so "Defense Ministry" and "defence ministry" make one id."""
    role = re.sub(r"\bdefense\b", "defence", role.lower())
    return re.sub(r"\bforeign affairs\b", "foreign", re.sub(r"\binternal affairs\b", "interior", role))


# A place's authority named with words around its name: "the disputed Nagorno-Karabakh region", "the breakaway
# enclave of Nagorno-Karabakh".
REGION_DESCRIBED = re.compile(
    rf"(?:[Tt]he\s+)?(?:(?:{'|'.join(STANDING)}|separatist|mountainous|"
    r"ethnic\s+Armenian)\s+)*(?:(?:region|enclave|territory|republic)\s+of\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"(?:\s+(?:region|enclave|territory|republic))?"
)


# What an outlet is, written after its name: "the Krasnaya Zvezda newspaper", "the Azertac news agency".
OUTLET_KIND = re.compile(
    r"\s+(?:state\s+)?(?:news\s+agency|newspaper|daily|agency|broadcaster|channel|television|TV|website)"
)


class ArticleActors(Organisations):
    """The actors one article names, where, and what was proposed for the registry."""

    def __init__(self, doc: ArticleText, index: ActorIndex, article_id: str):
        self.doc, self.index, self.text, self.article_id = doc, index, doc.text, article_id
        self.proposals: dict[str, ProposedActor] = {}
        self.types: dict[str, str] = dict(index.registry.actor_types)
        self.mentions: list[Mention] = []
        self.spellings: dict[str, str] = {}  # a known person's name spelt another way -> the known actor_id
        self.outlet: str | None = None  # the agency of a dateline, "BAKU (AP) —": the article's outlet
        self._known()
        self._peoples()
        self._new()
        self._surnames()
        self._first_names()
        self._forces()
        self._dateline()
        self._acronyms()
        self._shortened()
        self.mentions.sort()

    # --- known actors ---------------------------------------------------------------------------------------

    def _known(self) -> None:
        if self.index.pattern is None:
            return
        for match in self.index.pattern.finditer(self.text, self.doc.body_start):
            start, end = match.span(1)
            actor_id = self.index.surfaces.get(re.sub(r"\s+", " ", match.group(1)))  # a line may break a name
            if actor_id is None:
                continue
            if self.types.get(actor_id) == "person" and self._inside_longer_name(start, end):
                continue  # "Hayk Vartanyan" is not the registry's "Vartanyan"
            self.mentions.append(Mention(start, end, actor_id))

    def _acronyms(self) -> None:
        """ "ICRC" after "International Committee of the Red Cross": a body the article names, named again by the
        initials of its capitalised words (one body only), becomes a mention of it and, if proposed, an alias."""
        bodies = {m.actor_id for m in self.mentions if self.types.get(m.actor_id) not in (None, "person")}
        bodies |= {p.id for p in self.proposals.values() if p.type != "person"}
        initials: dict[str, set[str]] = {}
        for actor_id in bodies:
            letters = "".join(word[0] for word in self.name_of(actor_id).split() if word[:1].isupper())
            if len(letters) >= 2 and letters != self.name_of(actor_id):
                initials.setdefault(letters, set()).add(actor_id)
        by_initials = {p.name: p.id for p in self.proposals.values() if p.name in initials}  # "UNICEF" proposed
        for match in re.finditer(r"(?<![\w’'-])[A-Z]{2,6}(?![\w’'-])", self.text[self.doc.body_start :]):
            start, end = self.doc.body_start + match.start(), self.doc.body_start + match.end()
            named = initials.get(match.group(0), set())
            alone = by_initials.get(match.group(0))
            if alone and len(named) == 1:  # proposed on its own before its full name was known: one body
                self.mentions = [m for m in self.mentions if not (m.actor_id == alone and m.start == start)]
            if len(named) != 1 or any(m.start < end and start < m.end for m in self.mentions):
                continue
            actor_id = next(iter(named))
            self.mentions.append(Mention(start, end, actor_id))
            proposal = self.proposals.get(actor_id)
            if proposal and match.group(0) not in proposal.aliases:
                proposal.aliases.append(match.group(0))
        for name, alone in by_initials.items():
            if len(initials[name]) == 1 and not any(m.actor_id == alone for m in self.mentions):
                del self.proposals[alone]
                if self.outlet == alone:  # "(AP)" of the dateline is "The Associated Press" named later
                    self.outlet = next(iter(initials[name]))

    def _shortened(self) -> None:
        """ "the Defense Army" after "the Artsakh Defense Army": a body proposed under the last words of another
        body's name is that body, its shorter name an alias (one id per actor in an article)."""
        bodies = [p for p in self.proposals.values() if p.type != "person"]
        for short in bodies:
            words = short.name.split()
            longer = [
                p
                for p in bodies
                if p is not short and len(p.name.split()) > len(words) and p.name.split()[-len(words) :] == words
            ]
            if len(words) < 2 or len(longer) != 1:
                continue
            self.mentions = [replace(m, actor_id=longer[0].id) if m.actor_id == short.id else m for m in self.mentions]
            if short.name not in longer[0].aliases:
                longer[0].aliases.append(short.name)
            del self.proposals[short.id]

    def _dateline(self) -> None:
        """The agency in a dateline ("TARTAR, Azerbaijan (AFP) -") published the article: a media outlet."""
        if self.doc.agency is None:
            return
        start, end = self.doc.agency
        known = [m for m in self.mentions if (m.start, m.end) == (start, end)]
        actor_id = known[0].actor_id if known else self.index.lower.get(self.text[start:end].lower())
        if actor_id is None or self.types.get(actor_id) != "media_outlet":
            if actor_id is not None:
                return
            name = self.text[start:end]
            actor_id = self._existing_proposal(name) or free_id(
                slug(name), set(self.index.registry.actor_ids) | set(self.proposals)
            )
            if actor_id not in self.proposals:
                self.proposals[actor_id] = ProposedActor(
                    actor_id,
                    self.written(start, end),
                    "media_outlet",
                    note=self._note(start, end, "the agency of the dateline"),
                )
                self.types[actor_id] = "media_outlet"
        self.mentions[:] = [m for m in self.mentions if (m.start, m.end) != (start, end)]
        self.mentions.append(Mention(start, end, actor_id))
        self.outlet = actor_id

    def _peoples(self) -> None:
        """ "Azeris", "Armenians": the plural of a state's adjective names a people, proposed as a population
        group where the registry has none by that name."""
        for match in re.finditer(r"\b([A-Z][\w’'-]*[^s\W])s\b", self.text[self.doc.body_start :]):
            start, end = self.doc.body_start + match.start(), self.doc.body_start + match.end()
            singular = self.index.surfaces.get(match.group(1))
            if (
                not singular
                or self.types.get(singular) not in ("state", "de_facto_authority")
                or self._covered(start, end)
                or match.group(0) in self.index.surfaces
            ):
                continue
            actor_id = self._existing_proposal(match.group(0)) or free_id(
                slug(match.group(0)), set(self.index.registry.actor_ids) | set(self.proposals)
            )
            if actor_id not in self.proposals:
                self.proposals[actor_id] = ProposedActor(
                    actor_id,
                    match.group(0),
                    "population_group",
                    note=self._note(start, end, f"a people named after {singular}")
                    + " A people, not the state: check that the registry has no group of these people already.",
                )
                self.types[actor_id] = "population_group"
            self.mentions[:] = [m for m in self.mentions if not (start <= m.start and m.end <= end)]
            self.mentions.append(Mention(start, end, actor_id))

    def _forces(self) -> None:
        """ "Armenian troops", "Azerbaijani forces": the armed forces of that state, where the registry has one."""
        for m in list(self.mentions):
            if self.types.get(m.actor_id) != "state":
                continue
            after = re.match(
                r" (?:troops|forces|soldiers|servicemen|army|military|militaries)\b", self.text[m.end : m.end + 15]
            )
            forces = [
                a["actor_id"]
                for a in self.index.registry.actors
                if a["parent_actor_id"] == m.actor_id and a["actor_type"] == "armed_force"
            ]
            if after and len(forces) == 1:
                self._mention(m.start, m.end + after.end(), forces[0])

    # --- new people and organisations -------------------------------------------------------------------------

    def _new(self) -> None:
        """Organisations first, so that a person's title can name one as the person's parent."""
        taken = set(self.index.registry.actor_ids)
        sequences = [m.span() for m in CAPITALISED.finditer(self.text, self.doc.body_start)]
        for start, end in sequences:
            for organisation in self._organisations(start, end):
                self._propose_organisation(*organisation, taken)
        assert self._surnames_in_full is not None  # read before any person is proposed and covers its name
        for span in sequences:
            parts = [
                None if self._covered(start, end) else self._person_name(start, end) or self._surname(start, end)
                for start, end in coordinated(self.text, *span)
            ]
            named = [
                person
                for person in parts
                if person
                and (
                    person_context(self.text, *person)
                    or self._surname_speaks_later(*person)
                    or self._pronoun_speaks_next(*person)
                )
            ]
            for person in parts if named and len(parts) > 1 else named:  # "Yury Kotenok and Levon Arzanov": both
                if person and (person in named or " " in self.text[person[0] : person[1]]):
                    self._propose_person(*person, taken)

    def _propose_organisation(self, start: int, end: int, kind: str, taken: set) -> None:
        name = self.text[start:end]
        inner = [m for m in self.mentions if start <= m.start and m.end <= end]
        existing = self.index.lower.get(name.lower()) or self._named_in_full_before(start, name)
        if existing:
            self.mentions.append(Mention(start, end, existing))
            return
        owner = inner[0] if inner and inner[0].start <= start + 4 else None  # "The Azerbaijani Defense Ministry"
        if owner and self.types.get(owner.actor_id) in ("state", "de_facto_authority"):
            role = _role(self.text[owner.end : end])
            if role and (BODY_ROLES.get(role) or BODY_ROLES.get(role.split()[-1])):
                self.mentions[:] = [m for m in self.mentions if not (start <= m.start and m.end <= end)]
                self._body_of(start, end, role, owner.actor_id)  # one id for a state's body, however written
                return
        of_state = self._of_state(end)
        role = _role(name)
        if of_state and not inner and (BODY_ROLES.get(role) or BODY_ROLES.get(role.split()[-1])):
            self.mentions[:] = [m for m in self.mentions if not (start <= m.start and m.end <= of_state.end)]
            self._body_of(start, of_state.end, role, of_state.actor_id)  # "the Defense Ministry of Azerbaijan"
            return
        actor_id = self._existing_proposal(name) or free_id(slug(name), taken | set(self.proposals))
        if actor_id not in self.proposals:
            parent = inner[0].actor_id if inner and inner[0].start == start else None
            self.proposals[actor_id] = ProposedActor(
                actor_id,
                self.written(start, end),
                kind,
                parent=parent,
                country_iso3=self.index.country_of(parent),
                note=self._note(start, end, "an organisation named in the text") + self._body_resemblance(name),
            )
            self.types[actor_id] = kind
        self.mentions[:] = [m for m in self.mentions if not (start <= m.start and m.end <= end)]
        self.mentions.append(Mention(start, end, actor_id))

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def speakers(self, start: int, end: int) -> list[str]:
        """The actors a subject phrase names: one, or several joined by "and" ("both Turkey and Russia")."""
        start, end = strip_span(self.text, start, end, " ,;:")
        phrase = self.text[start:end]
        both = re.match(r"(?:[Bb]oth|[Ee]ither)\s+", phrase)
        if both:
            start += both.end()
        one = self.speaker(start, end)
        if one:
            return [one]
        found = []
        for part in re.finditer(r"[^,]+?(?=\s+and\s+|,\s*(?:and\s+)?|$)", self.text[start:end]):
            part_start, part_end = start + part.start(), start + part.end()
            joining = re.match(r"\s*(?:and\s+)?", self.text[part_start:part_end])
            assert joining is not None  # the pattern matches, if need be nothing, anywhere
            part_start += len(joining.group(0))
            actor = self.speaker(part_start, part_end)
            if actor and actor not in found:
                found.append(actor)
        return found

    def speaker(self, start: int, end: int) -> str | None:
        """The one actor a subject phrase names, or None when the phrase names no actor the draft can code."""
        start, end = strip_span(self.text, start, end, " ,;:")
        phrase = self.text[start:end]
        if not phrase or len(phrase.split()) > 14:
            return None
        if phrase.lower() in PRONOUNS:
            return self.last_person(start)
        honorific = re.match(r"(?:Mr|Mrs|Ms|Dr|Gen|Col)\.?\s+(?=[A-Z])", phrase)
        if honorific:  # "Ms. Avagyan": the person of that surname named before
            surname = phrase[honorific.end() :]
            named = [
                m.actor_id
                for m in self.mentions
                if m.end <= start
                and self.types.get(m.actor_id) == "person"
                and self.name_of(m.actor_id).split()[-1] == surname
            ]
            return named[-1] if named else self.speaker(start + honorific.end(), end)
        title = PERSON_BY_TITLE.fullmatch(phrase)
        if title:  # "the head of state said": the person last named with that title, or last named
            return self._last_titled(start, title.group(1).lower()) or self.last_person(start)
        region = REGION_DESCRIBED.fullmatch(phrase)
        if region:  # "the disputed Nagorno-Karabakh region": the authority the name is
            named = [
                m.actor_id
                for m in self.mentions
                if m.start == start + region.start("name")
                and m.end == start + region.end("name")
                and self.types.get(m.actor_id) in ("state", "de_facto_authority")
            ]
            if named:
                return named[0]
        whole = [m for m in self.mentions if m.start == start and m.end == end]
        if whole:  # this article's reading of the words ("Vartanyan" after "Hayk Vartanyan") before the registry's
            return whole[0].actor_id
        exact = self.index.surfaces.get(phrase) or self.index.lower.get(phrase.lower())
        bare = re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.IGNORECASE)
        exact = exact or self.index.lower.get(bare.lower()) or self._proposal_named(bare)
        if exact:
            self._mention(start, end, exact)  # "a national security adviser to ...": named by the whole phrase
            return exact
        if re.search(r"\band\b", phrase):
            return None  # several actors: speakers() names each
        titled = [
            m for m in self.mentions if m.end == end and m.start > start and self.types.get(m.actor_id) == "person"
        ]
        if titled and self._only_titles(start, titled[-1].start):  # "Prime Minister of Armenia Nikol Pashinyan"
            return titled[-1].actor_id
        owned = [
            m
            for m in self.mentions
            if m.end == end
            and start < m.start
            and re.fullmatch(r"(?:[Tt]he\s+)?(?:[\w-]+(?:’s|'s)\s+)?", self.text[start : m.start])
        ]
        if owned:  # "the country’s State Service for Emergency Situations": the body, named whole
            return owned[-1].actor_id
        kind_after = [  # "the Krasnaya Zvezda newspaper": the outlet, with what it is after its name
            m
            for m in self.mentions
            if start <= m.start <= start + 4
            and re.fullmatch(r"(?:[Tt]he\s+)?", self.text[start : m.start])
            and OUTLET_KIND.fullmatch(self.text, m.end, end)
        ]
        if kind_after:
            return kind_after[0].actor_id
        side = self._side_speaking(start, end)
        if side:
            return side
        possessed = SPOKESPERSON_OF.fullmatch(phrase)
        if possessed:  # "the Azerbaijani Defense Ministry's press service": the ministry speaking
            owner = self.speaker(start + possessed.start("owner"), start + possessed.end("owner"))
            if owner:
                return owner
        preposition = PREPOSITION.search(phrase)
        head_end = start + preposition.start() if preposition else end
        head = [m for m in self.mentions if start <= m.start and m.end == head_end]
        if head:
            return head[-1].actor_id
        head_words = self.text[start:head_end].lower()
        if preposition:
            obj = self.speaker(start + preposition.end(), end)
            lowercase = head_words == re.sub(r"^The ", "the ", self.text[start:head_end])
            if obj and (
                re.sub(r"^(?:the|a|an)\s+", "", head_words) in SPEAKING_FOR
                or head_words.split()[-1] in SPEAKING_FOR
                or ISSUED_DOCUMENT.fullmatch(head_words)
            ):  # "the separatist leadership of X", "the press service for X", "a statement from X"
                return obj
            if (
                obj
                and lowercase
                and head_words.split()[-1] in TITLE_WORDS
                and not BODY_ROLES.get(head_words.split()[-1])
            ):
                return self._role_person(start, end, head_words, obj)
            if obj and lowercase and self.types.get(obj) in ("state", "de_facto_authority"):
                body = self._body_of(
                    start, end, re.sub(r"^(?:an?|the)\s+", "", self.text[start:head_end], flags=re.I), obj
                )
                if body:
                    return body
        return (
            self._body(start, head_end)
            or self._titled(start, end)
            or self._described(start, end)
            or self._registered_body(start, end)
        )

    def _registered_body(self, start: int, end: int) -> str | None:
        """ "the prosecutor general's office": the one registered body those words name, in any order."""
        phrase = self.text[start:end]
        if not re.fullmatch(r"[Tt]he\s+[a-z][a-z’' -]*", phrase):
            return None
        body = self.index.body_by_words(phrase)
        if body:
            self._mention(start, end, body)
        return body

    def _side_speaking(self, start: int, end: int) -> str | None:
        """ "Armenian officials", "Azerbaijani authorities", "an Armenian official": the state or authority they
        speak for."""
        for mention in self.mentions:
            if not start <= mention.start <= start + 30 or mention.end > end:
                continue
            if self.types.get(mention.actor_id) not in ("state", "de_facto_authority"):
                continue
            if not re.fullmatch(  # "a senior Armenian official", "two high-ranking Azerbaijani officials"
                rf"(?:[Tt]he\s+|[Aa]n?\s+|[Tt]wo\s+|[Ss]everal\s+)?(?:(?i:{SENIORITY})\s+)?",
                self.text[start : mention.start],
            ):
                continue
            rest = re.sub(
                rf"^(?:{SENIORITY}|government|local|other)\s+", "", self.text[mention.end : end].strip().lower()
            )
            if rest in SPEAKING_FOR:
                return mention.actor_id
        return None

    def _proposal_named(self, name: str) -> str | None:
        return next((a.id for a in self.proposals.values() if fold(a.name).lower() == name.lower()), None)

    def _body(self, start: int, end: int) -> str | None:
        """ "Armenia's defence ministry", "the Armenian defence ministry": a known body of that state, or one
        proposed."""
        phrase = self.text[start:end]
        match = re.match(  # "Azerbaijan's Prosecutor General's office": a title before a lower-case role word too
            r"^(?:the\s+|The\s+)?(?P<owner>.+?)(?:’s|'s)?\s+"
            r"(?P<role>(?:[A-Z][a-z]+\s+){0,2}(?:[A-Z][a-z]+(?:’s|'s)\s+)?[a-z][a-z’' ]*|MoD|MFA)$",
            phrase,
        )
        if not match:
            return None
        role = {"MoD": "defence ministry", "MFA": "foreign ministry"}.get(match.group("role"), match.group("role"))
        role = role.lower()
        owner_end = start + match.end("owner")
        governed = re.search(r"\s+(?:government|authorities)$", match.group("owner"))
        if governed:  # "the Armenian government's information center": the state's
            owner_end -= len(governed.group(0))
        owner_mentions = [m for m in self.mentions if m.start == start + match.start("owner") and m.end == owner_end]
        if not (BODY_ROLES.get(role) or BODY_ROLES.get(role.split()[-1])):
            return None
        if owner_mentions:
            owner = owner_mentions[0].actor_id
        elif REGION_WORDS.fullmatch(match.group("owner")):  # "the enclave's defence ministry": the region last named
            regions = [
                m.actor_id
                for m in self.mentions
                if m.end <= start and self.types.get(m.actor_id) == "de_facto_authority"
            ]
            if not regions:
                return None
            owner = regions[-1]
        else:
            return None
        if self.types.get(owner) not in ("state", "de_facto_authority"):
            return None
        return self._body_of(start, end, role, owner)

    def body_of(self, start: int, end: int, role: str, owner: str | None) -> str | None:
        """The body of `owner` that a role names, for "its foreign ministry"; None unless owner is a state."""
        if owner is None or self.types.get(owner) not in ("state", "de_facto_authority"):
            return None
        return self._body_of(start, end, role, owner)

    def side_of(self, actor_id: str) -> str | None:
        """The state or authority an actor belongs to (itself, or up its parents)."""
        seen: set[str] = set()
        current: str | None = actor_id
        while current and current not in seen:
            seen.add(current)
            if self.types.get(current) in ("state", "de_facto_authority"):
                return current
            proposal = self.proposals.get(current)
            current = proposal.parent if proposal else self.index.parent_of(current)
        return None

    def _body_of(self, start: int, end: int, role: str, owner: str) -> str | None:
        """The body of a state a role names ("defence ministry", "general prosecutor's office"): the registry's,
        when the state has exactly one body of that kind or one whose name shares a word, else a new one."""
        kind = BODY_ROLES.get(role) or BODY_ROLES.get(role.split()[-1])
        if not kind:
            return None
        phrase = self.text[start:end]
        names = {
            a["actor_id"]: a["name"]
            for a in self.index.registry.actors
            if a["parent_actor_id"] == owner and a["actor_type"] == kind
        }
        names.update({p.id: p.name for p in self.proposals.values() if p.parent == owner and p.type == kind})
        children = list(names)
        words = {POSSESSIVE.sub("", w) for w in role.lower().split()} - {"the", "of", "in"}
        if len(words) > 1:  # "foreign ministry": the field tells bodies apart, not the head word all ministries share
            words -= {role.lower().split()[-1]}
        fitting = [c for c in children if words & {POSSESSIVE.sub("", w) for w in names[c].lower().split()}] or (
            children if len(children) == 1 and kind == "armed_force" else []
        )  # "Azerbaijan's military"
        if len(fitting) == 1:
            actor_id = fitting[0]
        else:
            name = re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)
            if re.match(r"(?:its|their)\s", name, re.IGNORECASE):  # "its foreign ministry": named after its state
                name = f"{role[0].upper()}{role[1:]} of {self.name_of(owner)}"
            name = name[0].upper() + name[1:]  # "the defense army of ...": a name opens with a capital
            same = [p.id for p in self.proposals.values() if p.id == slug(f"{owner} {_spelled(role)}")]
            actor_id = (
                self._existing_proposal(name)
                or (same[0] if same else None)
                or free_id(slug(f"{owner} {_spelled(role)}"), set(self.index.registry.actor_ids) | set(self.proposals))
            )
            if actor_id not in self.proposals:
                self.proposals[actor_id] = ProposedActor(
                    actor_id,
                    name,
                    kind,
                    parent=owner,
                    country_iso3=self.index.country_of(owner),
                    note=self._note(start, end, "a body of a known actor"),
                )
                self.types[actor_id] = kind
        self._mention(start, end, actor_id)
        return actor_id

    def _role_person(self, start: int, end: int, role: str, of: str) -> str:
        """ "a national security adviser to President X": an unnamed person known by a role, under X; the one
        registered person of X whose title ends in that role, where there is one."""
        name = re.sub(r"^(?:an?|the)\s+", "", self.text[start:end], flags=re.IGNORECASE)
        name = name[0].upper() + name[1:]
        role = re.sub(r"^(?:an?|the)\s+", "", role)
        holders = [  # "the leader of the disputed Nagorno-Karabakh region": the registry's Nagorno-Karabakh leader
            a["actor_id"]
            for a in self.index.registry.actors
            if a["actor_type"] == "person"
            and a["parent_actor_id"] == of
            and (a.get("title") or "").lower().split()[-1:] == role.lower().split()[-1:]
        ]
        if len(holders) == 1:
            self._mention(start, end, holders[0])
            return holders[0]
        owner = self.name_of(of).split()[-1] if self.types.get(of) == "person" else of
        actor_id = self._existing_proposal(name) or free_id(
            slug(f"{owner} {role}"), set(self.index.registry.actor_ids) | set(self.proposals)
        )
        if actor_id not in self.proposals:
            self.proposals[actor_id] = ProposedActor(
                actor_id,
                name,
                "person",
                title=name[0].lower() + name[1:],
                parent=of,
                country_iso3=self.index.country_of(of),
                note=self._note(start, end, "a person known by a role"),
            )
            self.types[actor_id] = "person"
        self._mention(start, end, actor_id)
        return actor_id
