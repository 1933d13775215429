from gcmcheck.cli import main

main()
