#!/usr/bin/env bash
# Regenerate every generated seed file and validate the whole seed/ folder.
# Needs python3 and the package pinned in scripts/seed/requirements.txt
# (pip install -r scripts/seed/requirements.txt); installs nothing itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/seed/extract_units.py
python3 scripts/seed/make_agencies.py
python3 scripts/seed/make_templates.py
python3 scripts/seed/make_forms.py
python3 scripts/seed/build_procedures.py
python3 scripts/seed/validate.py
