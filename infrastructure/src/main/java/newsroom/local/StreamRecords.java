package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Turns records read from DynamoDB Streams into the event objects Lambda's event source sends. */
final class StreamRecords {
    private StreamRecords() {}

    static DynamodbEvent event(List<Record> records, String streamArn, String region) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record r : records) converted.add(record(r, streamArn, region));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(converted);
        return event;
    }

    static DynamodbEvent.DynamodbStreamRecord record(Record r, String streamArn, String region) {
        var data = r.dynamodb();
        StreamRecord stream = new StreamRecord();
        stream.setKeys(image(data.keys()));
        if (data.hasOldImage()) stream.setOldImage(image(data.oldImage()));
        if (data.hasNewImage()) stream.setNewImage(image(data.newImage()));
        stream.setSequenceNumber(data.sequenceNumber());
        stream.setSizeBytes(data.sizeBytes());
        stream.setStreamViewType(
                data.streamViewTypeAsString() == null
                        ? null
                        : com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                                data.streamViewTypeAsString()));
        if (data.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(data.approximateCreationDateTime()));
        }
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(r.eventID());
        record.setEventName(r.eventNameAsString());
        record.setEventVersion(r.eventVersion());
        record.setEventSource("aws:dynamodb");
        record.setAwsRegion(region);
        record.setEventSourceARN(streamArn);
        record.setDynamodb(stream);
        return record;
    }

    static Map<String, AttributeValue> image(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue out = new AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(v.b().asByteBuffer());
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
            case M -> out.setM(image(v.m()));
            case L -> out.setL(v.l().stream().map(StreamRecords::value).toList());
            case NUL -> out.setNULL(true);
            case BOOL -> out.setBOOL(v.bool());
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }
}
