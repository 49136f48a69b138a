"""matplotlib.text: Text, what xlabel/ylabel/title/text return, shown as matplotlib shows it."""


class Text:
    def __init__(self, x, y, text):
        self._x = x
        self._y = y
        self._text = str(text)

    def get_text(self):
        return self._text

    def get_position(self):
        return self._x, self._y

    def __repr__(self):
        return f"Text({self._x}, {self._y}, {self._text!r})"
