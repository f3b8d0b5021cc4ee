package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

class OutageLogTest {
    @Test
    void eachOutageIsWarnedOnceAndItsEndOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger("outage-" + UUID.randomUUID());
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        OutageLog outage = new OutageLog(logger, "thing");
        JedisConnectionException refused = new JedisConnectionException("Connection refused");

        outage.recovered();
        for (int tick = 0; tick < 5; tick++) {
            outage.failed(refused);
        }
        outage.recovered();
        outage.recovered();
        outage.failed(refused);

        List<Level> levels = appender.list.stream().map(ILoggingEvent::getLevel).toList();
        assertEquals(
                List.of(Level.WARN, Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.INFO, Level.WARN),
                levels);
    }
}
