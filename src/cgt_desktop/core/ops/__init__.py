"""One write path for user data: reversible operations that report what they changed."""
