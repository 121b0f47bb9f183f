import sys

from pressdesk.cli import main

sys.exit(main())
