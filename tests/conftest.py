from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "examples" / "venezuela-2019-03-26.txt"
SEED_GOLD = ROOT / "examples" / "venezuela-2019-03-26.gold.jsonl"
