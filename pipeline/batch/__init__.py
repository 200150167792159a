"""The batch engine: a run's passes over a folder, their executors, the pieces of a long file,
progress, and the output folder and manifest a run publishes."""
