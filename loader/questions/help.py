"""What ``kgload ask`` says it understands: the example questions, and the message for a
question it does not."""

from __future__ import annotations

from ..lexicon import lexicon


def _lexicon_verbs() -> str:
    """The verbs of the relation types beyond the core ones, as a user types them."""
    return ", ".join(dict.fromkeys(
        f"{v.lemma} {v.object_prep}" if v.object_prep else v.lemma
        for spec in lexicon().specs.values() if not spec.core for v in spec.verbs if v.ask))


EXAMPLES: list[str] = [
    "Who recognizes Guaido?",
    "Whom does Russia recognize?",
    "Who is recognized by whom?  (contested recognition)",
    "Who deployed forces to Venezuela?",
    "Where has Russia deployed?",
    "Did Russia send troops to Venezuela?",
    "Who accuses the United States?",
    "Whom did Lavrov accuse?",
    "Who supports Maduro?",
    f"Whom does Russia condemn?  (and every verb of the relation lexicon: {_lexicon_verbs()})",
    "What do we know about Cuba?",
    "Why do we think Russia recognizes Maduro?",
    "What connects Russia and Guaido?",
    "Who recognized Guaido in March 2019?  (or: as of 2019-03-01)",
    "Who stopped recognizing Guaido?",
    "When did Russia deploy to Venezuela?",
]


def examples() -> str:
    return "Questions I can answer, with any names:\n" + "\n".join(f"  {e}" for e in EXAMPLES)


def unknown_question_message(question: str) -> str:
    return f"I do not understand {question!r}. " + examples()
