"""The module-level __getattr__ of torch's submodules: a name Gradlab lacks raises
NotImplementedError naming it (private names stay AttributeErrors, for hasattr and imports)."""


def missing_names(module_name, reason="is not supported in Gradlab yet"):
    def __getattr__(name):
        if name.startswith("_"):
            raise AttributeError(f"module '{module_name}' has no attribute '{name}'")
        raise NotImplementedError(f"{module_name}.{name} {reason}")

    return __getattr__
