"""Rule kinds: the code behind rule files. A rule file names one by `kind`."""

from lintlaw.engine.kinds.bare_number import BareNumber
from lintlaw.engine.kinds.broken_paragraph import BrokenParagraph
from lintlaw.engine.kinds.chrome_check import PageChrome
from lintlaw.engine.kinds.comparison_check import ComparisonCheck
from lintlaw.engine.kinds.consistency_check import ConsistencyCheck
from lintlaw.engine.kinds.date_check import DateCheck
from lintlaw.engine.kinds.issuer_name import IssuerName
from lintlaw.engine.kinds.law_title import LawTitle
from lintlaw.engine.kinds.outline_check import OutlineCheck
from lintlaw.engine.kinds.pattern import Pattern
from lintlaw.engine.kinds.prescribed_heading import PrescribedHeading
from lintlaw.engine.kinds.punctuation_check import PunctuationCheck
from lintlaw.engine.kinds.repeated_word import RepeatedWord
from lintlaw.engine.kinds.set_phrase import SetPhrase
from lintlaw.engine.kinds.required_section import RequiredSection
from lintlaw.engine.kinds.table_check import TableCheck
from lintlaw.engine.kinds.table_label import TableLabelCheck
from lintlaw.engine.kinds.unfinished_paragraph import UnfinishedParagraph
from lintlaw.engine.kinds.unpunctuated_paragraph import UnpunctuatedParagraph
from lintlaw.engine.kinds.unread_table import UnreadTableCheck
from lintlaw.engine.kinds.word_layout import WordLayout

KINDS = {kind.name: kind for kind in (Pattern, RequiredSection, OutlineCheck, ConsistencyCheck,
                                      DateCheck, PunctuationCheck, PageChrome, LawTitle,
                                      RepeatedWord, BrokenParagraph, UnfinishedParagraph, TableCheck,
                                      UnreadTableCheck, TableLabelCheck, SetPhrase, IssuerName,
                                      PrescribedHeading, WordLayout, BareNumber,
                                      UnpunctuatedParagraph, ComparisonCheck)}
