package org.parley.client.conversation;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a scene as a PNG under target/screens, to look at what a test drove (no javafx-swing needed). */
final class Shots {
    private Shots() {
    }

    static Path save(Scene scene, String name) throws Exception {
        WritableImage img = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "screens"));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(out, "png", file.toFile());
        return file;
    }
}
