from lintlaw.cli import main

main()
