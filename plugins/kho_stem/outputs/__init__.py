"""Files made from the library: catalog exports, statistics reports, the offline zip, the editor
form, the guide's generated tables, each card's giáo án (.docx), and the clean-up of work folders
left by a killed build."""

from kho_stem.outputs.guide_tables import expand_markers
from kho_stem.outputs.leftovers import OFFLINE_LEFTOVERS, clean_stale, site_leftovers, work_prefix
from kho_stem.outputs.lesson_plan_files import LessonPlanFiles
from kho_stem.outputs.offline import OfflineCopy, default_name, pack, readme_text, unused_theme_files

__all__ = ["OFFLINE_LEFTOVERS", "LessonPlanFiles", "OfflineCopy", "clean_stale", "default_name", "expand_markers",
           "pack", "readme_text", "site_leftovers", "unused_theme_files", "work_prefix"]
