from si_lint.cli import main

main()
