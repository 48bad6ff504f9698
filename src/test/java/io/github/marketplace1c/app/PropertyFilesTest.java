package io.github.marketplace1c.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyFilesTest {

    @TempDir
    Path config;

    @Test
    void aCommentAtTheEndOfAValueIsRefusedWithTheLine() throws Exception {
        Files.writeString(config.resolve("application.properties"), """
                # a comment of its own is fine
                mp1c.onec.configuration = UNF
                mp1c.onec.timeZone = Europe/Moscow    # the 1C server's zone
                """);

        assertThatThrownBy(() -> PropertyFiles.load(config, "prod"))
                .hasMessageContaining("application.properties line 3").hasMessageContaining("mp1c.onec.timeZone")
                .hasMessageContaining("\"# the 1C server's zone\"").hasMessageContaining("remove it");
    }

    @Test
    void aHashInsideAValueOrEscapedIsKept() throws Exception {
        Files.writeString(config.resolve("application.properties"), """
                mp1c.onec.password = pa#ss
                mp1c.ozon.orders.cron = 0 0 12 ? * 6#3
                mp1c.onec.ut.orderStatus = В работе \\# 2
                """);

        Properties loaded = PropertyFiles.load(config, "prod");

        assertThat(loaded.getProperty("mp1c.onec.password")).isEqualTo("pa#ss");
        assertThat(loaded.getProperty("mp1c.ozon.orders.cron")).isEqualTo("0 0 12 ? * 6#3");
        assertThat(loaded.getProperty("mp1c.onec.ut.orderStatus")).isEqualTo("В работе # 2");
    }
}
