"""Every message a contributor can see (vi and en) and the located problem that carries it."""

from kho_stem.diagnostics.messages import DEFAULT_LANGUAGE, LANGUAGES, MESSAGES, message
from kho_stem.diagnostics.problems import DiagnosticError, Problem, Severity, display_path, has_errors, page_failure

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "MESSAGES", "DiagnosticError", "Problem", "Severity", "display_path",
           "has_errors", "message", "page_failure"]
