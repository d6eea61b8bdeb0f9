"""`python -m kpi`: the `cockpit` command, for an environment without its console script."""

import sys

from kpi.cli import main

sys.exit(main())
