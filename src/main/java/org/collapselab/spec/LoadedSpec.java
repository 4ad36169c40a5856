package org.collapselab.spec;

import java.nio.file.Path;

/**
 * A resolved, validated spec with where it came from.
 *
 * @param file the YAML file as given
 * @param baseDir the file's folder, against which relative data paths resolve
 * @param spec the spec with every default filled in
 */
public record LoadedSpec(Path file, Path baseDir, ExperimentSpec spec) {

    /** A data path from the spec, resolved against the spec's folder. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }
}
