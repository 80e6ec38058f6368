package tdl.kernel;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Multipart ZeroMQ messages as lists of frames. A socket is used by one thread at a time. */
final class Frames {
    private Frames() {}

    /** The next message, or null when none came within the socket's receive timeout (or {@code flags} said not to wait). */
    static List<byte[]> receive(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) frames.add(socket.recv(0));
        return frames;
    }

    static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }
}
