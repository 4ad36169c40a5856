package org.collapselab.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a run folder (the file {@code .lock} inside it), held for the whole run,
 * so that a second run or resume aimed at the same folder stops at once instead of interleaving
 * its rows with the first one's. The operating system releases it when the process dies, so a
 * killed run never leaves a stale lock.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(Path runDir) throws UsageException {
        Path file = runDir.resolve(".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException cannot) {
            throw new UsageException("cannot write in " + runDir + " ("
                + cannot.getClass().getSimpleName().replace("Exception", "") + "); choose "
                + "another --out or --results");
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new UsageException(runDir + " is in use by another collapse run; wait for "
                    + "it to finish or choose another --out");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.US_ASCII)));
            return new RunLock(channel, lock);
        } catch (IOException | java.nio.channels.OverlappingFileLockException busy) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the first error is the one to report.
            }
            throw new UsageException(runDir + " is in use by another collapse run; wait for it "
                + "to finish or choose another --out");
        }
    }

    /**
     * Whether a collapse process holds {@code runDir}'s lock now, i.e. a run or resume is still
     * writing there. Probes without creating the lock file, and releases at once.
     */
    public static boolean inUse(Path runDir) {
        Path file = runDir.resolve(".lock");
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return true;
        } catch (IOException unreadable) {
            // A lock file we cannot open is no evidence of a run.
            return false;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock in any case.
        }
    }
}
