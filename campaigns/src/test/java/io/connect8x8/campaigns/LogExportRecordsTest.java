package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a log export file's header is read: the clientMessageId column found however the file spells it. */
class LogExportRecordsTest {

    @Test
    void findsTheIdColumnInAnyCaseAfterAByteOrderMark() throws IOException {
        assertEquals(1, LogExportRecords.idColumn(header("umid,clientmessageid,status")));
        assertEquals(0, LogExportRecords.idColumn(header("\uFEFFClientMessageId,umid")));
        assertEquals(2, LogExportRecords.idColumn(header("umid,status, clientMessageId ")));
        assertEquals(1, LogExportRecords.idColumn(header("umid,\"clientMessageId\"")));
    }

    @Test
    void aHeaderWithoutTheColumnOrNoHeaderAtAllHasNone() throws IOException {
        assertEquals(-1, LogExportRecords.idColumn(header("umid,client_message_id")));
        assertEquals(-1, LogExportRecords.idColumn(null));
    }

    private static List<String> header(String line) throws IOException {
        return LogExportRecords.record(new BufferedReader(new StringReader(line + "\n")));
    }
}
