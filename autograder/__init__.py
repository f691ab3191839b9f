"""Instructor tooling: release student notebooks and grade a class through nbgrader."""
