from si_lint.cli.main import main

main()
