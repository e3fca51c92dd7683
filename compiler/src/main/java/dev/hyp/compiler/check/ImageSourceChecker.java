package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Task;
import dev.hyp.compiler.model.Value;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a `data` section whose source is an image folder, `images(path, size, skip_unreadable)`:
 * no CSV beside it, no `shape` (the input is the `size`), 1 or 3 channels, a test folder of the
 * same size, and, when the spec came from a file, that the folders exist. Listing a folder is
 * cheap; decoding its images is the run's job (a corrupt image or mixed sizes are reported then).
 */
final class ImageSourceChecker {
  private final Diagnostics diagnostics;
  private final Path baseDirectory;

  ImageSourceChecker(Diagnostics diagnostics, Path baseDirectory) {
    this.diagnostics = diagnostics;
    this.baseDirectory = baseDirectory;
  }

  /** Whether a checked `source` or `test` value is `images(...)`; false for null. */
  static boolean isImages(Value source) {
    return source != null && Values.calleeOf(source).equals("images");
  }

  /** Whether a `data` section's `source` is written as `images(...)`: its input is an image even when it had errors. */
  static boolean writesImages(Block data) {
    return data != null && data.members().stream().anyMatch(m -> m instanceof Setting s
        && s.name().name().equals("source") && s.value() instanceof Call call && call.callee().name().equals("images"));
  }

  /** Empty after reporting problems. */
  Optional<DataSpec> check(Map<String, Setting> written, Map<String, Value> checked, DataSpec.Split split,
      Value normalize) {
    Value source = checked.get("source");
    Value test = checked.get("test");
    boolean ok = true;
    if (!isImages(source)) {
      diagnostics.add(Diagnostic.error(Code.HYP021, test.span(), "a test image folder needs an image folder as the"
              + " `source`")
          .label("an image folder beside a CSV source")
          .help("train on images too, `source = images(\"data/train\")`, or test on a CSV, `test = csv(...)`")
          .build());
      return Optional.empty();
    }
    if (test != null && !isImages(test)) {
      diagnostics.add(Diagnostic.error(Code.HYP021, test.span(), "a test CSV cannot go with an image folder source")
          .label("a CSV beside an image folder")
          .help("name the test images' folder: `test = images(\"data/test\")`")
          .build());
      ok = false;
    }
    if (written.containsKey("shape")) {
      diagnostics.add(Diagnostic.error(Code.HYP021, written.get("shape").name().span(), "`shape` describes the pixel"
              + " columns of a CSV; an image folder's images have a `size`")
          .label("not with `images(...)`")
          .help("remove `shape` and give the size in the source: `images(\"...\", size = image(h, w, c))`")
          .build());
      ok = false;
    }
    DataSpec.ImageFolder images = folder(source);
    DataSpec.ImageFolder imageTest = test == null || !isImages(test) ? null : folder(test);
    ok &= channels(source) & channels(test);
    if (ok && imageTest != null && imageTest.size() != null && images.size() != null
        && !imageTest.size().equals(images.size())) {
      diagnostics.add(Diagnostic.error(Code.HYP020, Values.argument(test, "size").span(), "the test images' size"
              + " differs from the training images'")
          .label("not " + spec(images.size()))
          .help("the model reads images of one size: give the test folder the same `size`, or leave it out")
          .build());
      ok = false;
    }
    ok &= exists(images.path(), source) & (imageTest == null || exists(imageTest.path(), test));
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new DataSpec(null, null, split, normalize, images.size(), images, imageTest));
  }

  /** Reports `images(...)` with a regression loss: an image folder's labels are its class names. */
  static void checkTask(DataSpec data, Task task, Block dataBlock, Diagnostics diagnostics) {
    if (data == null || data.images() == null || task != Task.REGRESSION || dataBlock == null) {
      return;
    }
    dataBlock.members().stream().filter(m -> m instanceof Setting s && s.name().name().equals("source"))
        .findFirst().ifPresent(source -> diagnostics.add(Diagnostic.error(Code.HYP066, ((Setting) source).value()
                .span(), "an image folder gives classes, but the output's loss is a regression loss")
            .label("the subfolders are the classes")
            .help("use a classification loss, such as `output(activation = softmax, loss = mcxent)`")
            .build()));
  }

  private static DataSpec.ImageFolder folder(Value images) {
    Value size = Values.argument(images, "size");
    DataSpec.ImageShape shape = size == null ? null : new DataSpec.ImageShape(
        Values.longOf(Values.argument(size, "height")), Values.longOf(Values.argument(size, "width")),
        Values.longOf(Values.argument(size, "channels")));
    return new DataSpec.ImageFolder(Values.stringOf(Values.argument(images, "path")), shape,
        Values.booleanOf(Values.argument(images, "skip_unreadable")));
  }

  private boolean channels(Value images) {
    Value size = images == null || !isImages(images) ? null : Values.argument(images, "size");
    if (size == null) {
      return true;
    }
    Value channels = Values.argument(size, "channels");
    long c = Values.longOf(channels);
    if (c == 1 || c == 3) {
      return true;
    }
    diagnostics.add(Diagnostic.error(Code.HYP020, channels.span(), "an image folder's images have 1 or 3 channels,"
            + " not " + c)
        .label("1 (grayscale) or 3 (RGB)")
        .help("use `channels = 1` for grayscale or `channels = 3` for colour; an alpha channel is dropped")
        .build());
    return false;
  }

  /** Whether the folder exists (or the spec has no folder to look from). */
  private boolean exists(String written, Value images) {
    if (baseDirectory == null) {
      return true;
    }
    Value path = Values.argument(images, "path");
    Path folder;
    try {
      folder = baseDirectory.resolve(written).normalize();
    } catch (InvalidPathException invalid) {
      diagnostics.add(Diagnostic.error(Code.HYP070, path.span(), "`" + written.replace("\0", "\\0")
              + "` is not a usable folder path")
          .label("not a path")
          .note(invalid.getReason())
          .build());
      return false;
    }
    if (Files.isDirectory(folder)) {
      return true;
    }
    boolean file = Files.exists(folder);
    diagnostics.add(Diagnostic.error(Code.HYP070, path.span(), file ? "`" + written + "` is a file, not an image"
            + " folder" : "image folder `" + written + "` not found")
        .label(file ? "not a folder" : "no such folder")
        .note("paths are relative to the spec's folder: looked for " + folder)
        .help("`images(...)` takes a folder with one subfolder of images per class, named after the class")
        .build());
    return false;
  }

  private static String spec(DataSpec.ImageShape shape) {
    return "image(" + shape.height() + ", " + shape.width() + ", " + shape.channels() + ")";
  }
}
