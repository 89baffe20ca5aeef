package dev.agcinfra.app.account;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Image;

/** The AMI named for the compute: it must exist in the region and be this account's (AGC's rule: a private AMI). */
final class AmiCheck {

    private final Ec2Client ec2;
    private final String account;
    private final String region;

    AmiCheck(Ec2Client ec2, String account, String region) {
        this.ec2 = ec2;
        this.account = account;
        this.region = region;
    }

    void check(String ami, PreflightReport report) {
        List<Image> images;
        try {
            images = ec2.describeImages(r -> r.imageIds(ami)).images();
        } catch (Ec2Exception e) {
            if (!Preflight.isNotFound(e)) {
                throw e;
            }
            images = List.of();
        }
        if (images.isEmpty()) {
            report.refuse("ami " + ami + " does not exist in region " + region + " (or is not visible to account "
                    + account + "); check the id and the region");
            return;
        }
        Image image = images.get(0);
        if (!account.equals(image.ownerId())) {
            report.refuse("ami " + ami + " belongs to account " + image.ownerId() + ", not " + account
                    + "; AGC needs a private AMI of this account: copy it into the account (aws ec2 copy-image) and "
                    + "use the copy's id");
        } else {
            report.note("ami " + ami + ": owned by account " + account);
        }
    }
}
