"""The running app's side of "one instance" (see `desktop.single_instance`): a QLocalServer that brings the
window forward when a second launch asks. Local IPC only: a Unix domain socket owned by the person (mode
0700 through Qt's UserAccessOption), or a named pipe on Windows."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from privacy_audit.desktop.single_instance import SHOW


class InstanceServer(QObject):
    """Emits `show_requested` each time another launch for the same record asks to be shown instead."""

    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left by an app that crashed is removed first. False if it cannot."""
        if sys.platform != "win32":
            QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(SHOW.strip()):
            self.show_requested.emit()
        connection.disconnectFromServer()
