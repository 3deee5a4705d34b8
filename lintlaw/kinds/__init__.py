"""Rule kinds: the code behind rule files. A rule file names one by `kind`."""

from lintlaw.kinds.broken_paragraph import BrokenParagraph
from lintlaw.kinds.chrome_check import PageChrome
from lintlaw.kinds.consistency_check import ConsistencyCheck
from lintlaw.kinds.date_check import DateCheck
from lintlaw.kinds.law_title import LawTitle
from lintlaw.kinds.outline_check import OutlineCheck
from lintlaw.kinds.pattern import Pattern
from lintlaw.kinds.punctuation_check import PunctuationCheck
from lintlaw.kinds.repeated_word import RepeatedWord
from lintlaw.kinds.required_section import RequiredSection

KINDS = {kind.name: kind for kind in (Pattern, RequiredSection, OutlineCheck, ConsistencyCheck,
                                      DateCheck, PunctuationCheck, PageChrome, LawTitle,
                                      RepeatedWord, BrokenParagraph)}
