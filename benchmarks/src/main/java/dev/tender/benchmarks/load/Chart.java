package dev.tender.benchmarks.load;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A PNG of the load run drawn with Java2D (headless, nothing to install): on the left operations per
 * second against the number of clients, the service's and pgbench's; on the right the service's p99.
 */
final class Chart {

    /** One line: a name, a colour, a value per client count (NaN: none). */
    record Series(String name, Color color, double[] values) {
    }

    private static final int PANEL_WIDTH = 560;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private Chart() {
    }

    static void write(Path file, String title, int[] clients, List<Series> throughput, List<Series> latency)
            throws IOException {
        BufferedImage image = new BufferedImage(PANEL_WIDTH * 2, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 22);
        panel(g, 0, "operations / second", clients, throughput);
        panel(g, PANEL_WIDTH, "service latency (ms)", clients, latency);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int x0, String yLabel, int[] clients, List<Series> series) {
        int width = PANEL_WIDTH - LEFT - RIGHT;
        int height = HEIGHT - TOP - BOTTOM;
        int left = x0 + LEFT;
        int bottom = TOP + height;
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = niceCeiling(max);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int y = bottom - height * i / 5;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, y, left + width, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(top * i / 5);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        for (int i = 0; i < clients.length; i++) {
            int x = xOf(i, clients.length, left, width);
            String label = Integer.toString(clients[i]);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 18);
        }
        g.drawString("clients", left + width / 2 - 20, bottom + 38);
        g.drawString(yLabel, left, TOP - 8);
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, left + width, bottom);
        g.drawLine(left, bottom, left, TOP);
        int legend = 0;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2.2f));
            int lastX = -1;
            int lastY = -1;
            for (int i = 0; i < s.values().length; i++) {
                if (Double.isNaN(s.values()[i])) {
                    lastX = -1;
                    continue;
                }
                int x = xOf(i, clients.length, left, width);
                int y = bottom - (int) Math.round(height * s.values()[i] / top);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (lastX >= 0) {
                    g.drawLine(lastX, lastY, x, y);
                }
                lastX = x;
                lastY = y;
            }
            g.setStroke(new BasicStroke(1));
            int ly = TOP + 8 + legend * 16;
            g.fillRect(left + 12, ly - 8, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), left + 32, ly - 2);
            legend++;
        }
    }

    private static int xOf(int index, int count, int left, int width) {
        return count == 1 ? left + width / 2 : left + 20 + (width - 40) * index / (count - 1);
    }

    /** 1, 2 or 5 times a power of ten, at least the value (and at least 1). */
    static double niceCeiling(double value) {
        if (value <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }
}
