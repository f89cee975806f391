package org.iom.dna.optimiser.solve;

import com.google.ortools.Loader;

/** OR-Tools' native libraries, unpacked from its jar and loaded once per JVM before the first solve. */
final class NativeLibraries {

    private static boolean loaded;

    private NativeLibraries() {}

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}
