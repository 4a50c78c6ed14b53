from .cli import app

# Guarded: Dask's worker processes (spawned) import the main module again, and must not run the CLI.
if __name__ == "__main__":
    app(prog_name="kgload")
