"""Instructor tooling: release student notebooks and grade a class through nbgrader."""

import sys

#: Optional modules the grading processes do not import. jsonschema (imported by nbformat) loads
#: rfc3987_syntax, when installed, only to check the "iri" string format: building its Lark grammar takes
#: 0.8 s of CPU in every grading process, and no schema the grader validates (notebooks, nbgrader's
#: metadata) uses that format; without the module jsonschema skips that check. A kernel forked by the zygote
#: drops these placeholders (``autograder.zygote_process``), so that it imports like a launched one.
SKIPPED_IMPORTS = ("rfc3987_syntax",)
for _name in SKIPPED_IMPORTS:
    sys.modules.setdefault(_name, None)
