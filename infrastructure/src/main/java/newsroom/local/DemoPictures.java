package newsroom.local;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The demo stories' pictures, drawn here rather than shipped: the scenes their text alternatives
 * describe (a green bus from the side, a tree on a lawn beside a path, a school with a flag), large
 * enough that the image function makes every width a page offers from them.
 */
final class DemoPictures {
    static final int WIDTH = 2000;
    static final int HEIGHT = 1250;

    private DemoPictures() {}

    /** The picture for a demo illustration's name ({@code bus}, {@code park}, {@code building}), as a JPEG. */
    static byte[] jpeg(String name) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x7fb8e6), 0, HEIGHT * 0.7f, new Color(0xdcefff)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0xf4e9a8));
        g.fill(new Ellipse2D.Double(WIDTH * 0.8, HEIGHT * 0.08, 160, 160));
        g.setColor(new Color(0x6aa84f));
        g.fillRect(0, (int) (HEIGHT * 0.72), WIDTH, HEIGHT);
        switch (name) {
            case "bus" -> bus(g);
            case "park" -> park(g);
            default -> school(g);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void bus(Graphics2D g) {
        g.setColor(new Color(0x555555));
        g.fillRect(0, (int) (HEIGHT * 0.80), WIDTH, 120);
        g.setColor(new Color(0x2e8b3a));
        g.fill(new RoundRectangle2D.Double(300, 430, 1400, 500, 60, 60));
        g.setColor(new Color(0xcfe8f7));
        for (int x = 360; x < 1600; x += 210) g.fill(new RoundRectangle2D.Double(x, 480, 170, 170, 20, 20));
        g.setColor(new Color(0xf2f2f2));
        g.fillRect(300, 700, 1400, 30);
        g.setColor(new Color(0x222222));
        for (int x : new int[] {520, 1380}) g.fill(new Ellipse2D.Double(x - 95, 850, 190, 190));
        g.setColor(new Color(0x999999));
        for (int x : new int[] {520, 1380}) g.fill(new Ellipse2D.Double(x - 45, 900, 90, 90));
    }

    private static void park(Graphics2D g) {
        g.setColor(new Color(0xd9c7a0));
        Path2D path = new Path2D.Double();
        path.moveTo(1150, HEIGHT * 0.72);
        path.lineTo(1350, HEIGHT * 0.72);
        path.lineTo(1900, HEIGHT);
        path.lineTo(1250, HEIGHT);
        path.closePath();
        g.fill(path);
        g.setColor(new Color(0x6b4423));
        g.fillRect(640, 560, 90, 420);
        g.setColor(new Color(0x2f7d32));
        g.fill(new Ellipse2D.Double(430, 220, 510, 460));
        g.setColor(new Color(0x3f9443));
        g.fill(new Ellipse2D.Double(520, 180, 330, 300));
    }

    private static void school(Graphics2D g) {
        g.setColor(new Color(0xc9b79c));
        g.fillRect(450, 380, 1100, 560);
        g.setColor(new Color(0x8c3b2e));
        Path2D roof = new Path2D.Double();
        roof.moveTo(410, 390);
        roof.lineTo(1000, 200);
        roof.lineTo(1590, 390);
        roof.closePath();
        g.fill(roof);
        g.setColor(new Color(0xcfe8f7));
        for (int row = 0; row < 2; row++) {
            for (int x = 520; x < 1500; x += 180) g.fillRect(x, 450 + row * 200, 110, 130);
        }
        g.setColor(new Color(0x5a3d2b));
        g.fillRect(930, 760, 140, 180);
        g.setColor(new Color(0x444444));
        g.setStroke(new BasicStroke(14));
        g.drawLine(1750, 940, 1750, 300);
        g.setColor(new Color(0x00afca));
        g.fillRect(1757, 300, 220, 130);
        g.setColor(new Color(0xfec50c));
        g.fill(new Ellipse2D.Double(1837, 335, 60, 60));
    }
}
