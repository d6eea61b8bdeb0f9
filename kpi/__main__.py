"""`python -m kpi`: the `cockpit` command, for an environment without its console script."""

import sys

from kpi.cli import main

if __name__ == "__main__":  # importing the module (the hygiene tests do) runs nothing
    sys.exit(main())
