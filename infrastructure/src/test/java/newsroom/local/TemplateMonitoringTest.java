package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads template.yaml and checks that no failure is silent: every function logs JSON, every
 * dead-letter queue, function, stream consumer and HTTP API has an alarm, and every alarm reaches
 * the alarm topic. A resource added later without its alarm fails here.
 */
class TemplateMonitoringTest {
    static CloudTemplate template;

    @BeforeAll
    static void readTemplate() {
        template = CloudTemplate.read(CloudTemplate.locate());
    }

    @Test
    void everyFunctionLogsJson() {
        List<String> functions = functions();
        assertFalse(functions.isEmpty());
        for (String function : functions) {
            Map<String, Object> logging =
                    CloudTemplate.map(template.properties(function).get("LoggingConfig"));
            assertEquals("JSON", logging.get("LogFormat"), function + " LoggingConfig.LogFormat");
            assertFalse(referencedIds(logging.get("LogGroup")).isEmpty(), function + " names its log group");
        }
    }

    @Test
    void everyDeadLetterQueueHasAnAlarmWhenItIsNotEmpty() {
        Set<String> queues = deadLetterQueues();
        // the rebuild queue's redrive target and the stream's on-failure destination at least
        assertTrue(queues.size() >= 2, "dead-letter queues found: " + queues);
        for (String queue : queues) {
            assertEquals("AWS::SQS::Queue", template.type(queue), queue);
            List<Map<String, Object>> alarms = alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", queue);
            assertFalse(alarms.isEmpty(), "no alarm on dead-letter queue " + queue);
            for (Map<String, Object> alarm : alarms) {
                assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"), queue);
                assertEquals(0, ((Number) alarm.get("Threshold")).intValue(), queue + ": any message alarms");
            }
        }
    }

    @Test
    void everyFunctionHasAnErrorsAlarm() {
        for (String function : functions()) {
            List<Map<String, Object>> alarms = alarmsOn("AWS/Lambda", "Errors", function);
            assertFalse(alarms.isEmpty(), "no Errors alarm on " + function);
            assertEquals(0, ((Number) alarms.get(0).get("Threshold")).intValue(), function);
        }
    }

    @Test
    void everyStreamConsumerAlarmsWhenItIsMoreThanAMinuteBehind() {
        List<String> consumers = new ArrayList<>();
        for (String function : functions()) {
            CloudTemplate.map(template.properties(function).get("Events"))
                    .values()
                    .forEach(event -> {
                        String type = String.valueOf(CloudTemplate.map(event).get("Type"));
                        if (type.equals("DynamoDB") || type.equals("Kinesis")) consumers.add(function);
                    });
        }
        assertFalse(consumers.isEmpty());
        for (String function : consumers) {
            List<Map<String, Object>> alarms = alarmsOn("AWS/Lambda", "IteratorAge", function);
            assertFalse(alarms.isEmpty(), "no IteratorAge alarm on " + function);
            for (Map<String, Object> alarm : alarms) {
                assertTrue(((Number) alarm.get("Threshold")).longValue() <= 60_000, function + " threshold");
                assertEquals("Maximum", alarm.get("Statistic"), function);
            }
        }
    }

    @Test
    void everyHttpApiAlarmsOnServerErrors() {
        List<String> apis = ofType("AWS::Serverless::HttpApi");
        assertFalse(apis.isEmpty());
        for (String api : apis) {
            assertFalse(alarmsOn("AWS/ApiGateway", "5xx", api).isEmpty(), "no 5xx alarm on " + api);
        }
    }

    @Test
    void everyAlarmReachesTheAlarmTopicWhichMayMailSomeone() {
        List<String> topics = ofType("AWS::SNS::Topic");
        assertEquals(1, topics.size(), "one alarm topic: " + topics);
        List<String> alarms = ofType("AWS::CloudWatch::Alarm");
        assertFalse(alarms.isEmpty());
        for (String alarm : alarms) {
            Map<String, Object> p = template.properties(alarm);
            assertEquals(Set.copyOf(topics), referencedIds(p.get("AlarmActions")), alarm + " AlarmActions");
            assertEquals("notBreaching", p.get("TreatMissingData"), alarm + ": no data is no failure");
        }
        List<String> subscriptions = ofType("AWS::SNS::Subscription");
        assertEquals(1, subscriptions.size());
        Map<String, Object> subscription = template.resource(subscriptions.get(0));
        String condition = String.valueOf(subscription.get("Condition"));
        assertTrue(template.section("Conditions").containsKey(condition), "the e-mail subscription is conditional");
        Map<String, Object> p = CloudTemplate.map(subscription.get("Properties"));
        assertEquals("email", p.get("Protocol"));
        Set<String> parameter = referencedIds(p.get("Endpoint"));
        assertEquals(1, parameter.size());
        Map<String, Object> declared = CloudTemplate.map(
                template.section("Parameters").get(parameter.iterator().next()));
        assertEquals("", declared.get("Default"), "the e-mail address is optional");
    }

    // --- reading the template

    List<String> functions() {
        return ofType("AWS::Serverless::Function");
    }

    List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            if (type.equals(CloudTemplate.map(r).get("Type"))) ids.add(id);
        });
        return ids;
    }

    /** Queues that receive what failed elsewhere: redrive targets and on-failure destinations. */
    Set<String> deadLetterQueues() {
        Set<String> queues = new LinkedHashSet<>();
        for (String queue : ofType("AWS::SQS::Queue")) {
            Object target = CloudTemplate.map(template.properties(queue).get("RedrivePolicy"))
                    .get("deadLetterTargetArn");
            queues.addAll(referencedIds(target));
        }
        for (String function : functions()) {
            CloudTemplate.map(template.properties(function).get("Events"))
                    .values()
                    .forEach(event -> {
                        Map<String, Object> properties =
                                CloudTemplate.map(CloudTemplate.map(event).get("Properties"));
                        Object destination = CloudTemplate.map(
                                CloudTemplate.map(CloudTemplate.map(properties.get("DestinationConfig"))
                                                .get("OnFailure"))
                                        .get("Destination"));
                        queues.addAll(referencedIds(destination));
                    });
        }
        return queues;
    }

    /** The alarms on one metric whose dimensions refer to the given resource. */
    List<Map<String, Object>> alarmsOn(String namespace, String metric, String resource) {
        List<Map<String, Object>> alarms = new ArrayList<>();
        for (String alarm : ofType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> p = template.properties(alarm);
            if (!namespace.equals(p.get("Namespace")) || !metric.equals(String.valueOf(p.get("MetricName")))) continue;
            if (referencedIds(p.get("Dimensions")).contains(resource)) alarms.add(p);
        }
        return alarms;
    }

    static Set<String> referencedIds(Object value) {
        return TemplateSecurityTest.referencedIds(value);
    }
}
