"""Files made from the library: catalog exports, statistics reports, the offline zip, the ZIM file
for Kiwix, the editor form, the guide's generated tables, each card's giáo án (.docx), and the
clean-up of work folders left by a killed build."""

from kho_stem.outputs.guide_tables import expand_markers
from kho_stem.outputs.inline_scripts import externalise_inline_scripts
from kho_stem.outputs.leftovers import OFFLINE_LEFTOVERS, clean_stale, site_leftovers, work_prefix
from kho_stem.outputs.lesson_plan_files import LessonPlanFiles
from kho_stem.outputs.offline import OfflineCopy, default_name, pack, readme_text, unused_theme_files
from kho_stem.outputs.zim import ZimBook, ZimFile, illustration_png, libzim_available, pack_zim, zim_default_name
from kho_stem.outputs.zim_metadata import ZimMetadata, check_title, load_zim_metadata

__all__ = ["OFFLINE_LEFTOVERS", "LessonPlanFiles", "OfflineCopy", "ZimBook", "ZimFile", "ZimMetadata", "check_title",
           "clean_stale", "default_name", "expand_markers", "externalise_inline_scripts", "illustration_png",
           "libzim_available", "load_zim_metadata", "pack", "pack_zim", "readme_text", "site_leftovers",
           "unused_theme_files", "work_prefix", "zim_default_name"]
