"""grad_fn objects: one Python class per backward node name, as PyTorch's
(`type(y.grad_fn).__name__ == 'PowBackward0'`, repr `<PowBackward0 object at 0x...>`)."""

import weakref

from .. import _engine

_classes = {}
_live_nodes = weakref.WeakValueDictionary()


class Node:
    """The base of every grad_fn class (torch.autograd.graph.Node)."""

    __slots__ = ("_node", "_id", "__weakref__")

    def name(self):
        return type(self).__name__

    @property
    def next_functions(self):
        nexts = _engine.node_info(self._node).to_py(depth=1)[2]
        return tuple((node_for(entry[0]), int(entry[1])) for entry in nexts)

    @property
    def variable(self):
        """The leaf an AccumulateGrad node adds gradients into."""
        if type(self).__name__ != "AccumulateGrad":
            raise AttributeError(f"'{type(self).__name__}' object has no attribute 'variable'")
        from .._tensor import wrap

        return wrap(self._node.variable)

    @property
    def saved_tensors(self):
        """What a custom Function's forward saved (PyTorch's error once backward freed it)."""
        if type(self).__module__ != "torch.autograd.function":
            raise AttributeError(f"'{type(self).__name__}' object has no attribute 'saved_tensors'")
        from .._tensor import wrap

        return tuple(wrap(handle) for handle in _engine.node_saved_tensors(self._node))

    @property
    def metadata(self):
        return {}

    def register_hook(self, hook):
        raise NotImplementedError("torch.autograd.graph.Node.register_hook is not supported in Gradlab yet")


def _node_class(name, custom):
    key = (name, custom)
    cls = _classes.get(key)
    if cls is None:
        # Built-in nodes print without a module (`<PowBackward0 object ...>`); custom Functions'
        # print as `<torch.autograd.function.SQBackward object ...>`, as in PyTorch.
        module = "torch.autograd.function" if custom else "builtins"
        cls = type(name, (Node,), {"__slots__": (), "__module__": module})
        _classes[key] = cls
    return cls


def node_for(handle):
    """The Python grad_fn object for an engine node (the same object while it is alive)."""
    if handle is None:
        return None
    name, node_id, _next, custom = _engine.node_info(handle).to_py(depth=1)
    node = _live_nodes.get(node_id)
    if node is None:
        node = object.__new__(_node_class(name, bool(custom)))
        node._node = handle
        node._id = node_id
        _live_nodes[node_id] = node
    return node
