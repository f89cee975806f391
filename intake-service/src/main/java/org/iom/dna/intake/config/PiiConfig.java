package org.iom.dna.intake.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** Keys that encrypt personal data at rest. */
@ConfigMapping(prefix = "dna.pii")
public interface PiiConfig {

    /** {@code keyId:base64-of-32-bytes} entries; old keys stay listed so old rows can be read. */
    List<String> keys();

    /** Id of the key new data is encrypted with. */
    String activeKey();
}
