# A placeholder package, only for pre-commit. The `figcheck` and
# `figcheck-rules` hooks (.pre-commit-hooks.yaml) use `language: python`:
# pre-commit installs this folder, and this package pulls in the prebuilt
# figcheck wheel of the same version from PyPI, so no Rust is needed. The
# wheel itself is built from python/pyproject.toml. Keep the version equal to
# Cargo.toml's (tests/packaging.rs checks it).
from setuptools import setup

FIGCHECK_VERSION = "0.1.0"

setup(
    name="figcheck-pre-commit-placeholder",
    version=FIGCHECK_VERSION,
    install_requires=[f"figcheck=={FIGCHECK_VERSION}"],
    packages=[],
    py_modules=[],
)
