"""Rule kinds: the code behind rule files. A rule file names one by `kind`."""

from lintlaw.engine.kinds.broken_paragraph import BrokenParagraph
from lintlaw.engine.kinds.chrome_check import PageChrome
from lintlaw.engine.kinds.comparison_check import ComparisonCheck
from lintlaw.engine.kinds.consistency_check import ConsistencyCheck
from lintlaw.engine.kinds.date_check import DateCheck
from lintlaw.engine.kinds.law_title import LawTitle
from lintlaw.engine.kinds.outline_check import OutlineCheck
from lintlaw.engine.kinds.pattern import Pattern
from lintlaw.engine.kinds.punctuation_check import PunctuationCheck
from lintlaw.engine.kinds.repeated_word import RepeatedWord
from lintlaw.engine.kinds.required_section import RequiredSection
from lintlaw.engine.kinds.table_check import TableCheck
from lintlaw.engine.kinds.unread_table import UnreadTableCheck

KINDS = {kind.name: kind for kind in (Pattern, RequiredSection, OutlineCheck, ConsistencyCheck,
                                      DateCheck, PunctuationCheck, PageChrome, LawTitle,
                                      RepeatedWord, BrokenParagraph, TableCheck, UnreadTableCheck,
                                      ComparisonCheck)}
