import sys

from analysis.running.cli import main

sys.exit(main())
