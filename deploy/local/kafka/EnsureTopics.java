// Run by deploy/local/lib/kafka.sh with java's single-file source launcher, against the Kafka jars:
//   java -cp 'kafka/libs/*' EnsureTopics.java BOOTSTRAP TOPICS_FILE TIMEOUT_SECONDS
// Waits until the broker lists its topics, then creates the missing ones of the topics file
// ("name partitions" per line, # comments) in one Admin API call: one JVM instead of one per topic.
// Prints "<n> topics, <m> created".
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

public class EnsureTopics {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> wanted = wanted(Path.of(args[1]));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = existingOnceReady(admin, deadline);
            List<NewTopic> missing = new ArrayList<>();
            wanted.forEach((name, partitions) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, Optional.of(partitions), Optional.empty()));
                }
            });
            create(admin, missing);
            System.out.println(wanted.size() + " topics, " + missing.size() + " created");
        }
    }

    private static Map<String, Integer> wanted(Path topicsFile) throws Exception {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (String line : Files.readAllLines(topicsFile)) {
            line = line.replaceFirst("#.*", "").trim();
            if (!line.isEmpty()) {
                String[] fields = line.split("\\s+");
                wanted.put(fields[0], Integer.parseInt(fields[1]));
            }
        }
        return wanted;
    }

    /** The broker's topics, as soon as it answers (it may still be starting). */
    private static Set<String> existingOnceReady(Admin admin, long deadline) throws Exception {
        while (true) {
            try {
                return admin.listTopics().names().get();
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Creates the topics; one created meanwhile by someone else is fine. */
    private static void create(Admin admin, List<NewTopic> missing) throws Exception {
        for (var result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("creating " + result.getKey() + " failed", e.getCause());
                }
            }
        }
    }
}
