import sys
from pathlib import Path

# tests/seed.py and other helpers are imported by name.
sys.path.insert(0, str(Path(__file__).parent))
