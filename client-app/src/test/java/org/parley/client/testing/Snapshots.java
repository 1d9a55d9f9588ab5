package org.parley.client.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene to a PNG (for looking at a screen a test left; no javafx-swing needed). */
public final class Snapshots {
    private Snapshots() {
    }

    /** On the FX thread. */
    public static void save(Scene scene, Path file) {
        WritableImage img = scene.snapshot(null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From a test thread: snapshots {@code scene} on the FX thread into {@code target/screens/NAME.png}. */
    public static Path save(Scene scene, String name) throws Exception {
        Path file = Path.of("target", "screens", name + ".png");
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> save(scene, file)).get();
        return file;
    }
}
