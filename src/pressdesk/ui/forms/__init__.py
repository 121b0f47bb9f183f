"""The form, grouped as a release is read: header, sender, text, body, closing."""
