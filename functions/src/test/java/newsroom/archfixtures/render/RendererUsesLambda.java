package newsroom.archfixtures.render;

import com.amazonaws.services.lambda.runtime.Context;

/** Wrong: a service that knows the Lambda runtime. */
public final class RendererUsesLambda {
    public String requestOf(Context context) {
        return context.getAwsRequestId();
    }
}
