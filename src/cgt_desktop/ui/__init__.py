"""Qt layer: models, views, controllers and the main window."""
