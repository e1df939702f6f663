package org.supportplans;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server for tests that speaks just enough SMTP (RFC 5321) to accept messages, on a fixed port
 * of loopback, and that can be switched off (connections refused, as when the district's mail server is
 * down) and on again. Keeps the recipients of every message it accepted.
 */
public final class FakeMailServer implements AutoCloseable {

    private final int port;
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private volatile ServerSocket socket;

    public FakeMailServer(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** Every accepted message's recipients, in order. */
    public List<String> recipients() {
        return List.copyOf(recipients);
    }

    public synchronized void switchOn() {
        if (socket != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket = server;
            Thread acceptor = new Thread(() -> accept(server), "fake-smtp-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void switchOff() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closed either way
        }
        socket = null;
    }

    @Override
    public void close() {
        switchOff();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> converse(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // switched off
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 fake.test ESMTP");
            List<String> to = new CopyOnWriteArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 fake.test");
                    case "MAIL" -> {
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(line.replaceAll("(?i).*<(.*)>.*", "$1"));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        recipients.addAll(to);
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
