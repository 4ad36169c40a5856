package org.collapselab.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Creates the output folders the commands write into, and says in words why one cannot be made:
 * a folder aimed at {@code /proc}, below a file, or where the user may not write is a mistake
 * in the command line (one line, exit code 2), not a bug.
 */
public final class Folders {

    private Folders() {
    }

    /**
     * Creates {@code dir} and its missing parents.
     *
     * @param option the option that named the folder, such as {@code --out}, for the message
     * @throws UsageException with one line naming the folder, the reason and the fix
     */
    public static void create(Path dir, String option) throws UsageException {
        try {
            Files.createDirectories(dir);
        } catch (IOException cannot) {
            throw refusal(dir, option, cannot);
        }
    }

    /**
     * Creates a new, uniquely named folder inside {@code parent} (made first if missing).
     *
     * @param target the folder the temporary one will become, for the message
     * @throws UsageException with one line when the file system refuses
     */
    public static Path createTemporary(Path parent, String prefix, Path target, String option)
        throws UsageException {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException cannot) {
            throw refusal(target, option, cannot);
        }
    }

    /** The one-line refusal for a folder that could not be made. */
    static UsageException refusal(Path dir, String option, IOException cannot) {
        return new UsageException("cannot create the folder " + dir + ": " + reason(cannot)
            + "; choose another " + option);
    }

    /** Why the file system refused, in words rather than exception class names. */
    static String reason(IOException cannot) {
        if (cannot instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (cannot instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cannot instanceof NoSuchFileException) {
            return "the file system there does not allow new folders (or a folder above it "
                + "vanished)";
        }
        if (cannot instanceof FileSystemException system && system.getReason() != null) {
            String words = system.getReason().toLowerCase(Locale.ROOT);
            if (words.equals("not a directory")) {
                return "a part of that path is a file, not a folder";
            }
            return words;
        }
        return cannot.getMessage() == null ? "the file system refused"
            : cannot.getMessage().toLowerCase(Locale.ROOT);
    }
}
