"""House-style profiles (data in resources/profiles, schema in schemas/profile.schema.json)."""

from pressdesk.profile.profile import (
    DEFAULT_PROFILE,
    Profile,
    ProfileError,
    available_profiles,
    load_profile,
    load_profile_file,
)

__all__ = [
    "DEFAULT_PROFILE",
    "Profile",
    "ProfileError",
    "available_profiles",
    "load_profile",
    "load_profile_file",
]
