from vastbus_cli.cli import main

main()
